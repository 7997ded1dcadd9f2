import { BUILT_IN_FIELDS } from '../../../server/src/constants';
import { isKnownHeader, normalizeHeader, suggestMapping, type MappableField } from '../../../server/src/import/suggest';
import { sniffText } from '../../../server/src/import/sniff';

const FIELDS: MappableField[] = [
  ...BUILT_IN_FIELDS,
  { key: 'city', label: 'Ville', type: 'text' },
  { key: 'birthdate', label: 'Date de naissance', type: 'date' },
  { key: 'interests', label: "Centre d'intérêt", type: 'multiselect', options: ['Perle', 'Diamant', 'Rubis'] },
];

const byColumn = (entries: ReturnType<typeof suggestMapping>) =>
  Object.fromEntries(entries.filter((e) => 'column' in e).map((e: any) => [e.column, e.ignore ? 'IGNORE' : e.option ? `${e.field}:${e.option}` : e.field]));

describe('normalizeHeader', () => {
  it('lower-cases and strips accents, punctuation and spaces', () => {
    expect(normalizeHeader('Adresse E-mail')).toBe('adresseemail');
    expect(normalizeHeader(' Prénom ')).toBe('prenom');
    expect(normalizeHeader('Nom de l’entreprise')).toBe('nomdelentreprise');
    expect(normalizeHeader('Œuvre_n°1')).toBe('oeuvren1');
    expect(normalizeHeader('firstName')).toBe('firstname');
  });

  it('knows the usual header names', () => {
    expect(isKnownHeader('Courriel')).toBe(true);
    expect(isKnownHeader('Raison sociale')).toBe(true);
    expect(isKnownHeader('Couleur préférée')).toBe(false);
  });
});

describe('suggestMapping', () => {
  it('maps French headers', () => {
    const columns = ['Adresse e-mail', 'Prénom', 'Nom', 'Téléphone portable', 'Raison sociale', 'Newsletter', 'Étiquettes', 'Ville', 'Né(e) le', 'Couleur'];
    expect(byColumn(suggestMapping(columns, FIELDS))).toEqual({
      'Adresse e-mail': 'email',
      Prénom: 'firstName',
      Nom: 'lastName',
      'Téléphone portable': 'mobile',
      'Raison sociale': 'company',
      Newsletter: 'emailOptIn',
      Étiquettes: 'tags',
      Ville: 'city',
      'Né(e) le': 'IGNORE',
      Couleur: 'IGNORE',
    });
  });

  it('maps English headers, field keys and labels, and generic synonyms of custom fields', () => {
    const columns = ['Email Address', 'First Name', 'Surname', 'Cell Phone', 'Company Name', 'Opt-in', 'SMS opt-in', 'Tags', 'Town', 'Date of birth', 'emailStatus', 'Notes'];
    expect(byColumn(suggestMapping(columns, FIELDS))).toEqual({
      'Email Address': 'email',
      'First Name': 'firstName',
      Surname: 'lastName',
      'Cell Phone': 'mobile',
      'Company Name': 'company',
      'Opt-in': 'emailOptIn',
      'SMS opt-in': 'smsOptIn',
      Tags: 'tags',
      Town: 'city',
      'Date of birth': 'birthdate',
      emailStatus: 'emailStatus',
      Notes: 'IGNORE',
    });
  });

  it('maps each field once, the exact name first, and finds a field inside a longer header', () => {
    const columns = ['Mail', 'E-mail', 'Email secondaire', 'Téléphone fixe', 'Mobile'];
    expect(byColumn(suggestMapping(columns, FIELDS))).toEqual({
      Mail: 'IGNORE',
      'E-mail': 'email',
      'Email secondaire': 'IGNORE',
      'Téléphone fixe': 'IGNORE',
      Mobile: 'mobile',
    });
    expect(byColumn(suggestMapping(['Adresse email professionnelle', 'Téléphone domicile'], FIELDS))).toEqual({
      'Adresse email professionnelle': 'email',
      'Téléphone domicile': 'mobile',
    });
  });

  it('does not take a header containing "email" for the e-mail column when its values are not e-mails', () => {
    const columns = ['Date email opt-in', 'Contact'];
    const sample = [
      ['2024-01-02', 'ann@x.io'],
      ['2024-02-03', 'bob@x.io'],
    ];
    expect(byColumn(suggestMapping(columns, FIELDS, null, { sample }))).toEqual({ 'Date email opt-in': 'IGNORE', Contact: 'email' });
  });

  it('uses 0-based indexes without a header row and finds the e-mail and phone columns from the values', () => {
    const detected = sniffText('Ann;ann@x.io;+33 6 12 34 56 78\nBob;bob@x.io;06 98 76 54 32\n');
    expect(detected.hasHeader).toBe(false);
    const mapping = suggestMapping(detected.columns, FIELDS, undefined, { sample: detected.sample });
    expect(mapping).toEqual([
      { column: 0, ignore: true },
      { column: 1, field: 'email' },
      { column: 2, field: 'mobile' },
    ]);
    // hasHeader given explicitly wins over the "Column N" guess.
    expect(suggestMapping(['Column 1'], FIELDS, undefined, { hasHeader: true })).toEqual([{ column: 'Column 1', ignore: true }]);
  });

  it('maps X columns named after a multiselect option (Sendethic layout)', () => {
    const columns = ['Email', 'Perle', 'Diamant', 'Saphir'];
    const sample = [
      ['a@x.io', 'X', '', 'X'],
      ['b@x.io', '', 'x', ''],
    ];
    expect(suggestMapping(columns, FIELDS, null, { sample })).toEqual([
      { column: 'Email', field: 'email' },
      { column: 'Perle', field: 'interests', option: 'Perle' },
      { column: 'Diamant', field: 'interests', option: 'Diamant' },
      { column: 'Saphir', ignore: true },
    ]);
  });

  it('reuses a previous mapping where its fields still exist', () => {
    const columns = ['Courriel', 'Prénom', 'Code client', 'Région', 'Fidélité'];
    const previous = [
      { column: 'Courriel', field: 'email' },
      { column: 'Prénom', ignore: true as const },
      { column: 'Code client', field: 'customerCode' }, // field deleted since
      { column: 'Région', newField: { key: 'region', label: 'Région', type: 'text' as const } },
      { column: 'Fidélité', newField: { key: 'city', label: 'Ville', type: 'text' as const } }, // created meanwhile
      { field: 'emailOptIn', literal: 'yes' },
      { field: 'gone', literal: 1 },
      { column: 'Not in file', field: 'company' },
    ];
    expect(suggestMapping(columns, FIELDS, previous)).toEqual([
      { column: 'Courriel', field: 'email' },
      { column: 'Prénom', ignore: true },
      { column: 'Code client', ignore: true },
      { column: 'Région', newField: { key: 'region', label: 'Région', type: 'text' } },
      { column: 'Fidélité', field: 'city' },
      { field: 'emailOptIn', literal: 'yes' },
    ]);
  });

  it('suggests only fields that exist', () => {
    expect(suggestMapping(['Email', 'Ville'], [{ key: 'email', label: 'E-mail' }])).toEqual([
      { column: 'Email', field: 'email' },
      { column: 'Ville', ignore: true },
    ]);
  });
});
