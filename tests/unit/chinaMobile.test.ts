import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, test } from 'vitest';
import { readPhoneInto, type PhoneReadings } from '../../src-main/customers/contacts';
import { isValidPhone } from '../../src-main/customers/phoneValidity';

// Chinese mobile numbers are read without libphonenumber (customers/contacts.ts, chinaMobile):
// what is stored must be exactly what the library reads, number by number. Every 1xx prefix is
// tried, the ones the short way takes (13x–19x) and the ones it leaves to the library (11x, 12x
// and 179, which the library sometimes reads as a carrier code): a short way that took those
// fails here (17900008594 and 17913007569 do, with this sample).

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const NUMBERS_PER_PREFIX = 200;

function elevenDigitNumbers(): string[] {
  const random = seeded(86);
  const numbers: string[] = [];
  for (let prefix = 110; prefix <= 199; prefix++) {
    for (let i = 0; i < NUMBERS_PER_PREFIX; i++) {
      numbers.push(`${prefix}${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`);
    }
  }
  return numbers;
}

/** [E.164 or null, valid, national number or null]: what libphonenumber itself makes of `typed`. */
function libraryReading(typed: string, region: string | null): PhoneReadings {
  const parsed = parsePhoneNumberFromString(typed, region ? { defaultCountry: region as CountryCode } : {});
  if (!parsed?.isPossible()) return [null, false, null];
  return [parsed.number, isValidPhone(parsed), String(parsed.nationalNumber)];
}

function ourReading(typed: string, region: string | null): PhoneReadings {
  const readings: PhoneReadings = [];
  readPhoneInto(readings, typed, region);
  return readings.slice(1);
}

describe('Chinese mobile numbers read the short way', () => {
  const numbers = elevenDigitNumbers();

  test.each([
    ['11 digits, region CN', (digits: string) => digits, 'CN'],
    ['+86 and 11 digits, region CN', (digits: string) => `+86${digits}`, 'CN'],
    ['+86 and 11 digits, region US', (digits: string) => `+86${digits}`, 'US'],
    ['+86 and 11 digits, no region', (digits: string) => `+86${digits}`, null],
    ['11 digits, region US', (digits: string) => digits, 'US'],
    ['11 digits, no region', (digits: string) => digits, null],
  ] as const)('%s: exactly what libphonenumber reads', (_name, form, region) => {
    const differing = numbers
      .map((digits) => form(digits))
      .filter(
        (typed) =>
          JSON.stringify(ourReading(typed, region)) !== JSON.stringify(libraryReading(typed, region)),
      );
    expect(differing).toEqual([]);
  });

  test('the sample holds numbers of both kinds: valid mobiles and numbers no plan knows', () => {
    const valid = numbers.filter((digits) => ourReading(digits, 'CN')[1] === true);
    expect(valid.length).toBeGreaterThan(numbers.length / 4);
    expect(valid.length).toBeLessThan(numbers.length);
  });
});
