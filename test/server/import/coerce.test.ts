import { coerceCell, readBoolean } from '../../../server/src/import/coerce';
import type { FieldDefinition } from '../../../server/src/fields/validate-value';

const f = (type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ key: 'x', label: 'X', type, ...extra });
const value = (field: FieldDefinition, text: string, opts = {}) => {
  const r = coerceCell(field, text, opts);
  return 'reason' in r ? { error: r.reason } : r.value;
};

describe('coerceCell', () => {
  it('reads booleans in English, French and Excel habits', () => {
    for (const t of ['true', '1', 'on', 'yes', 'OUI', 'x', 'X']) expect(readBoolean(t)).toBe(true);
    for (const t of ['false', '0', 'off', 'no', 'Non']) expect(readBoolean(t)).toBe(false);
    expect(value(f('boolean'), 'maybe')).toEqual({ error: expect.stringMatching(/yes\/no/) });
  });

  it('reads integers and decimals with spreadsheet grouping and the decimal-comma option', () => {
    expect(value(f('integer'), '1 234')).toBe(1234);
    expect(value(f('integer'), '12.5')).toEqual({ error: expect.stringMatching(/whole number/) });
    expect(value(f('decimal'), '1,234.5')).toBe(1234.5);
    expect(value(f('decimal'), '1,5')).toEqual({ error: expect.stringMatching(/decimal comma/) });
    expect(value(f('decimal'), '1 234,5', { decimalComma: true })).toBe(1234.5);
    expect(value(f('decimal'), '1.234,5', { decimalComma: true })).toBe(1234.5);
  });

  it('reads ISO dates and the configured day/month order, refusing impossible dates', () => {
    expect(value(f('date'), '2026-02-28')).toBe('2026-02-28');
    expect(value(f('date'), '31/01/2026', { dateFormat: 'DD/MM/YYYY' })).toBe('2026-01-31');
    expect(value(f('date'), '01/31/2026', { dateFormat: 'MM/DD/YYYY' })).toBe('2026-01-31');
    expect(value(f('date'), '31.01.26', { dateFormat: 'DD.MM.YY' })).toBe('2026-01-31');
    expect(value(f('date'), '2026-02-30')).toEqual({ error: expect.any(String) });
    expect(value(f('date'), '30/02/2026', { dateFormat: 'DD/MM/YYYY' })).toEqual({ error: expect.any(String) });
  });

  it('reads datetimes with their zone, and as UTC without one', () => {
    expect(value(f('datetime'), '2026-01-31T14:00:00+01:00')).toBe('2026-01-31T13:00:00.000Z');
    expect(value(f('datetime'), '2026-01-31 14:00:00')).toBe('2026-01-31T14:00:00.000Z');
    expect(value(f('datetime'), '31/01/2026 14:00', { dateFormat: 'DD/MM/YYYY' })).toBe('2026-01-31T14:00:00.000Z');
  });

  it('normalizes e-mails, phones and URLs', () => {
    expect(value(f('email'), ' Jo@Example.COM ')).toBe('jo@example.com');
    expect(value(f('email'), 'jo@')).toEqual({ error: expect.stringMatching(/e-mail/) });
    expect(value(f('phone'), '06 12 34 56 78', { defaultCountry: 'FR' })).toBe('+33612345678');
    expect(value(f('url'), 'example.com/page')).toBe('https://example.com/page');
  });

  it('matches select options case-insensitively and reports unknown ones, or accepts them when allowed', () => {
    const plan = f('select', { options: ['Free', 'Pro'] });
    expect(value(plan, 'pro')).toBe('Pro');
    expect(value(plan, 'Gold')).toEqual({ error: expect.stringMatching(/not one of the options \(Free, Pro\)/) });
    const open = coerceCell(f('select', { options: ['Free'], allowUnknownValues: true }), 'Gold', {});
    expect(open).toEqual({ ok: true, value: 'Gold', newOption: 'Gold' });
    expect(value(f('multiselect', { options: ['a', 'b', 'c'] }), 'A | c,b')).toEqual(['a', 'c', 'b']);
  });
});
