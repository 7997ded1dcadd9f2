import { fold, foldContact } from '../../../server/src/fields/fold';

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
