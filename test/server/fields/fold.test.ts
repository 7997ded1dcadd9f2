import { fold, foldContact, foldByRule } from '../../../server/src/fields/fold';

describe('fold', () => {
  it('folds accents and case, the same on every call (one shared regular expression)', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(fold('Hélène')).toBe('helene');
      expect(fold('ÉCOLE Noël Øre')).toBe('ecole noel øre');
      expect(fold('Société 12, SARL')).toBe('societe 12, sarl');
    }
    expect(fold('Contact.1@Example.COM')).toBe('contact.1@example.com');
    expect(fold('')).toBe('');
  });

  it('builds the folded values and the search text of a contact', () => {
    const keys = { builtIn: ['email', 'lastName'], custom: ['city'], search: ['lastName', 'city'] };
    expect(foldContact({ email: 'A@B.FR', lastName: 'Dubœuf' }, { city: 'Orléans' }, keys)).toEqual({
      folded: { email: 'a@b.fr', lastName: 'dubœuf', city: 'orleans' },
      search: 'dubœuf \u0001 orleans',
    });
  });
});

describe('fold of Latin text', () => {
  it('is the rule (NFD, marks dropped, lower case) for every Latin character, alone and in words', () => {
    const latin = Array.from({ length: 0x250 }, (_, c) => String.fromCharCode(c));
    for (const ch of latin) expect(fold(ch)).toBe(foldByRule(ch));
    // Random words of Latin, ASCII and a few other characters (marks, Greek, emoji): the shortcut and the rule agree.
    const pool = [...latin.slice(0x20), '\u0301', '\u0308', 'Σ', 'ς', 'İ', '😀', 'ǅ', 'ß', 'ﬁ'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let k = 0; k < 20000; k += 1) {
      const word = Array.from({ length: 1 + rand(12) }, () => pool[rand(pool.length)]).join('');
      expect(fold(word)).toBe(foldByRule(word));
    }
  });
});
