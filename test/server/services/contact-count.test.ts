import { createContactCount } from '../../../server/src/services/contact-count';

describe('contact list totals', () => {
  let clock = 0;
  let counted = 0;
  const count = (n: number) => async () => {
    counted += 1;
    return n;
  };
  const make = () => createContactCount(() => clock);
  beforeEach(() => {
    clock = 0;
    counted = 0;
  });

  it('counts once while nothing changes', async () => {
    const c = make();
    expect(await c.total('{}', count(5))).toBe(5);
    clock = 20_000;
    expect(await c.total('{}', count(6))).toBe(5);
    expect(counted).toBe(1);
  });

  it('refreshes at most once per second while an import churns, exactly after it settles', async () => {
    const c = make();
    await c.total('{}', count(1));
    c.churn();
    clock = 500;
    expect(await c.total('{}', count(2))).toBe(1);
    clock = 1500;
    expect(await c.total('{}', count(3))).toBe(3);
    c.churn();
    clock = 1600;
    expect(await c.total('{}', count(4))).toBe(3);
    c.settle();
    expect(await c.total('{}', count(5))).toBe(5);
  });

  it('never serves a total older than its maximum age, and keys totals by filter', async () => {
    const c = make();
    await c.total('{}', count(1));
    await c.total('{"q":1}', count(9));
    clock = 31_000;
    expect(await c.total('{}', count(2))).toBe(2);
    expect(await c.total('{"q":1}', count(8))).toBe(8);
  });

  it('a count that started before a change does not hide the change', async () => {
    const c = make();
    let release!: () => void;
    const slow = c.total('{}', () => new Promise<number>((r) => (release = () => r(1))));
    c.churn();
    release();
    expect(await slow).toBe(1);
    clock = 2000;
    expect(await c.total('{}', count(2))).toBe(2);
  });
});
