import { BUILT_IN_FIELDS, type FieldDefinition } from '../../../server/src/constants';
import { createRowMapper, MappingError, type MapperInput } from '../../../server/src/import/map';

const builtIns: FieldDefinition[] = BUILT_IN_FIELDS.map((f) => ({ ...f, options: f.options ? [...f.options] : [], builtIn: true }));
const custom: FieldDefinition[] = [
  { key: 'interests', label: 'Interests', type: 'multiselect', options: ['Perle', 'Diamant', 'Agathe'] },
  { key: 'points', label: 'Points', type: 'integer' },
  { key: 'birthday', label: 'Birthday', type: 'date' },
  { key: 'city', label: 'City', type: 'select', options: ['Paris'], allowUnknownValues: true },
];

const mapper = (over: Partial<MapperInput> = {}) =>
  createRowMapper({
    columns: ['email', 'prenom', 'Perle', 'Diamant', 'Agathe', 'tel', 'pays', 'naissance', 'ville', 'optin'],
    hasHeader: true,
    mapping: [
      { column: 'email', field: 'email' },
      { column: 'prenom', field: 'firstName' },
      { column: 'Perle', field: 'interests', option: 'Perle' },
      { column: 'Diamant', field: 'interests', option: 'Diamant' },
      { column: 'Agathe', field: 'interests', option: 'Agathe' },
      { column: 'tel', field: 'mobile' },
      { column: 'pays', field: 'country' },
      { column: 'naissance', field: 'birthday' },
      { column: 'ville', field: 'city' },
      { column: 'optin', field: 'emailOptIn', values: { Volontiers: 'yes' } },
      { field: 'points', literal: '10' },
    ],
    fields: [...builtIns, ...custom],
    uniqueKey: 'email',
    options: { defaultCountry: 'FR', dateFormat: 'DD/MM/YYYY' },
    ...over,
  });

const cells = (over: Record<number, string>) => {
  const c = ['a@b.fr', '', '', '', '', '', '', '', '', ''];
  for (const [i, v] of Object.entries(over)) c[Number(i)] = v;
  return c;
};

describe('row mapper', () => {
  it('maps X columns to one multiselect, literals to every row, and normalizes the key and the phone', () => {
    const r = mapper()({ line: 2, cells: cells({ 0: ' A@B.fr ', 1: 'Zoé', 2: 'x', 4: 'X', 5: '0612345678' }) });
    expect(r).toMatchObject({ ok: true, contact: { match: 'a@b.fr', values: { email: 'a@b.fr', firstName: 'Zoé', mobile: '+33612345678' }, attributes: { interests: ['Perle', 'Agathe'], points: 10 } } });
  });

  it('reads the row’s phone in the row’s country, whatever the column order', () => {
    const r = mapper()({ line: 2, cells: cells({ 5: '07911 123456', 6: 'Royaume-Uni' }) });
    expect(r).toMatchObject({ ok: true, contact: { values: { country: 'GB', mobile: '+447911123456' } } });
  });

  it('keeps the contact and warns about a cell it cannot read (mobile, date, unknown option of a closed list)', () => {
    const map = mapper({ fields: [...builtIns, ...custom.map((f) => (f.key === 'city' ? { ...f, allowUnknownValues: false } : f))] });
    const r = map({ line: 3, cells: cells({ 5: '12', 7: '31/02/2020', 8: 'Lyon' }) });
    expect(r.ok).toBe(true);
    const contact = (r as any).contact;
    expect(contact.values.mobile).toBeUndefined();
    expect(contact.values.mobileStatus).toBe('bad_format');
    expect(contact.attributes).toEqual({ points: 10 });
    expect(contact.warnings.map((w: any) => [w.column, w.code, w.level])).toEqual([
      ['tel', 'invalid_phone', 'warning'],
      ['naissance', 'invalid_date', 'warning'],
      ['ville', 'unknown_option', 'warning'],
    ]);
    expect(contact.warnings[0].cells).toEqual(cells({ 5: '12', 7: '31/02/2020', 8: 'Lyon' }));
  });

  it('collects unknown options of an open list to add them, and notes how an ambiguous date was read', () => {
    const r = mapper()({ line: 2, cells: cells({ 7: '03/04/2020', 8: 'Lyon' }) });
    expect(r).toMatchObject({ ok: true, newOptions: [['city', 'Lyon']], contact: { attributes: { birthday: '2020-04-03', city: 'Lyon' } } });
    expect((r as any).notes.map((n: any) => n.code)).toContain('date_read_as');
  });

  it('fails only a row whose key cannot be read, with a code and the cells', () => {
    const r = mapper()({ line: 4, cells: cells({ 0: 'nope', 1: 'Al' }) });
    expect(r).toMatchObject({ ok: false, failed: { line: 4, level: 'error', code: 'invalid_email', column: 'email' } });
    expect((r as any).failed.cells[1]).toBe('Al');
    expect(mapper()({ line: 5, cells: cells({ 0: ' ' }) })).toMatchObject({ ok: false, failed: { code: 'missing_key', params: { key: 'email' } } });
    expect(mapper()({ line: 6, cells: [], error: 'unterminated quote' })).toMatchObject({ ok: false, failed: { code: 'parse_error' } });
  });

  it('reads opt-ins with the whole vocabulary and the mapping’s own words; an unknown word is a warning, never yes', () => {
    const map = mapper();
    const optIn = (word: string) => {
      const r = map({ line: 2, cells: cells({ 9: word }) }) as any;
      return [r.contact.values.emailOptIn ?? null, (r.contact.warnings ?? []).map((w: any) => w.code)];
    };
    expect(optIn('Oui')).toEqual(['yes', []]);
    expect(optIn('non')).toEqual(['no', []]);
    expect(optIn('Volontiers')).toEqual(['yes', []]);
    expect(optIn('bof')).toEqual([null, ['invalid_opt_in']]);
    expect(optIn('')).toEqual([null, []]);
  });

  it('turns source notes (encoding fallback) into warnings of the row', () => {
    const r = mapper()({ line: 7, cells: cells({}), notes: [{ code: 'encoding_fallback', params: { from: 'utf-8', to: 'windows-1252' } }] });
    expect((r as any).contact.warnings).toEqual([expect.objectContaining({ line: 7, level: 'warning', code: 'encoding_fallback' })]);
  });

  it('records empty cells instead of values', () => {
    const r = mapper()({ line: 5, cells: cells({ 1: '  ' }) });
    expect((r as any).contact.empty).toEqual(expect.arrayContaining(['firstName', 'mobile', 'interests']));
  });

  it('refuses a mapping without the key, with an unknown column, a bad option or bad words, with a readable message', () => {
    expect(() => mapper({ mapping: [{ column: 'prenom', field: 'firstName' }] })).toThrow(MappingError);
    expect(() => mapper({ mapping: [{ column: 'prenom', field: 'firstName' }] })).toThrow(/e-mail field/);
    expect(() => mapper({ mapping: [{ column: 'mail', field: 'email' }] })).toThrow(/Column "mail" is not in the file/);
    expect(() => mapper({ mapping: [{ column: 'email', field: 'email' }, { column: 'Perle', field: 'interests', option: 'Rubis' }] })).toThrow(/"Rubis" is not an option/);
    expect(() => mapper({ mapping: [{ column: 'email', field: 'email' }, { column: 'optin', field: 'emailOptIn', values: { Y: 'maybe' } as any }] })).toThrow(/must translate to one of/);
    expect(() => mapper({ mapping: [{ column: 'email', field: 'email' }, { column: 'prenom', field: 'firstName', values: { Y: 'yes' } }] })).toThrow(/Only an opt-in column/);
  });
});
