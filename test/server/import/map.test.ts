import { BUILT_IN_FIELDS } from '../../../server/src/constants';
import { createRowMapper, MappingError, type MapperInput } from '../../../server/src/import/map';
import type { FieldDefinition } from '../../../server/src/fields/validate-value';

const builtIns: FieldDefinition[] = BUILT_IN_FIELDS.map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options ? [...f.options] : [], builtIn: true }));
const custom: FieldDefinition[] = [
  { key: 'interests', label: 'Interests', type: 'multiselect', options: ['Perle', 'Diamant', 'Agathe'] },
  { key: 'points', label: 'Points', type: 'integer' },
];

const mapper = (over: Partial<MapperInput>) =>
  createRowMapper({
    columns: ['email', 'prenom', 'Perle', 'Diamant', 'Agathe', 'tel'],
    hasHeader: true,
    mapping: [
      { column: 'email', field: 'email' },
      { column: 'prenom', field: 'firstName' },
      { column: 'Perle', field: 'interests', option: 'Perle' },
      { column: 'Diamant', field: 'interests', option: 'Diamant' },
      { column: 'Agathe', field: 'interests', option: 'Agathe' },
      { column: 'tel', field: 'mobile' },
      { field: 'points', literal: '10' },
    ],
    fields: [...builtIns, ...custom],
    uniqueKey: 'email',
    options: { defaultCountry: 'FR' },
    ...over,
  });

describe('row mapper', () => {
  it('maps X columns to one multiselect, literals to every row, and normalizes key and phone', () => {
    const map = mapper({});
    const r = map({ line: 2, cells: [' A@B.fr ', 'Zoé', 'x', '', 'X', '0612345678'] });
    expect(r).toMatchObject({ ok: true, contact: { key: 'a@b.fr', values: { email: 'a@b.fr', firstName: 'Zoé', mobile: '+33612345678' }, attributes: { interests: ['Perle', 'Agathe'], points: 10 } } });
  });

  it('keeps a row with a bad mobile (status bad_format) unless mobile is the key', () => {
    const r = mapper({})({ line: 3, cells: ['a@b.fr', '', '', '', '', '12'] });
    expect(r).toMatchObject({ ok: true, contact: { values: { mobileStatus: 'bad_format' } } });
    expect((r as any).contact.values.mobile).toBeUndefined();
  });

  it('fails a row with an invalid e-mail with the invalid_email reason and the cell position', () => {
    const r = mapper({})({ line: 4, cells: ['nope', 'Al', '', '', '', ''] });
    expect(r).toMatchObject({ ok: false, failed: { line: 4, reason: expect.stringMatching(/^invalid_email/) }, problems: [{ index: 0, field: 'email' }] });
  });

  it('records empty cells instead of values', () => {
    const r = mapper({})({ line: 5, cells: ['a@b.fr', '  ', '', '', '', ''] });
    expect((r as any).contact.empty).toEqual(expect.arrayContaining(['firstName', 'mobile', 'interests']));
  });

  it('refuses a mapping without the unique key, or with an unknown column, with a readable message', () => {
    expect(() => mapper({ mapping: [{ column: 'prenom', field: 'firstName' }] })).toThrow(MappingError);
    expect(() => mapper({ mapping: [{ column: 'prenom', field: 'firstName' }] })).toThrow(/e-mail field/);
    expect(() => mapper({ mapping: [{ column: 'mail', field: 'email' }] })).toThrow(/Column "mail" is not in the file/);
    expect(() => mapper({ mapping: [{ column: 'email', field: 'email' }, { column: 'Perle', field: 'interests', option: 'Rubis' }] })).toThrow(/"Rubis" is not an option/);
  });
});
