import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSearchText, rememberPhones } from '../../src-main/customers/contacts';

// An import's helper thread sends phones it read (imports/phonePrimer.ts); the import must then
// use them as its own readings, never read them again, and never let them replace its own.
describe('phones read on another thread', () => {
  it('are what normalizePhone and phoneSearchText answer for that region afterwards', () => {
    // Deliberately not what libphonenumber says, to show the answer is the remembered one.
    rememberPhones([' 030 1234567 ', '+49999', true, '999', 'nonsense', null, false, null], 'DE');
    expect(normalizePhone(' 030 1234567 ', 'DE')).toEqual({
      value: '030 1234567',
      e164: '+49999',
      valid: true,
    });
    expect(phoneSearchText(normalizePhone(' 030 1234567 ', 'DE'))).toBe('030 1234567 0301234567 49999');
    expect(normalizePhone('nonsense', 'DE')).toEqual({ value: 'nonsense', e164: null, valid: false });
    // Another region reads the same text itself.
    expect(normalizePhone(' 030 1234567 ', 'AT').e164).toBe('+43301234567');
  });

  it('do not replace a phone the import already read', () => {
    const own = normalizePhone('0151 23456789', 'DE');
    rememberPhones(['0151 23456789', '+490', false, '0'], 'DE');
    expect(normalizePhone('0151 23456789', 'DE')).toBe(own);
  });
});
