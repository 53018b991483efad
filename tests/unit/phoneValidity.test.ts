import {
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import { isValidPhone } from '../../src-main/customers/phoneValidity';

// The compiled-pattern port must agree with libphonenumber-js's own isValid() number by number.
// Random national numbers around each country's example (same leading digits, other lengths)
// hit valid and invalid ranges alike; a seeded generator keeps a failure reproducible.
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function candidates(country: CountryCode, random: () => number): string[] {
  const example = getExampleNumber(country, examples)?.nationalNumber ?? '';
  const numbers = [example];
  for (let i = 0; i < 40; i++) {
    const keep = Math.floor(random() * Math.min(4, example.length + 1));
    const length = Math.max(3, example.length - 2 + Math.floor(random() * 5));
    let digits = example.slice(0, keep);
    while (digits.length < length) digits += String(Math.floor(random() * 10));
    numbers.push(digits);
  }
  return numbers;
}

describe('phone validity with compiled patterns', () => {
  test('agrees with libphonenumber-js for national and international numbers of every country', () => {
    const random = seeded(20261204);
    let compared = 0;
    let valid = 0;
    for (const country of getCountries()) {
      const callingCode = getCountryCallingCode(country);
      for (const national of candidates(country, random)) {
        for (const typed of [national, `+${callingCode} ${national}`]) {
          const parsed = parsePhoneNumberFromString(typed, { defaultCountry: country });
          if (!parsed) continue;
          expect(isValidPhone(parsed), `${country} ${typed}`).toBe(parsed.isValid());
          compared++;
          if (parsed.isValid()) valid++;
        }
      }
    }
    // Both outcomes are exercised in earnest, not one of them by accident.
    expect(compared).toBeGreaterThan(15_000);
    expect(valid).toBeGreaterThan(compared / 10);
    expect(compared - valid).toBeGreaterThan(compared / 10);
  });

  test('agrees for non-geographic numbers and for numbers whose calling code several countries share', () => {
    const typed = [
      '+800 1234 5678',
      '+808 1234 5678',
      '+870 7 7312 3456',
      '+882 3 4567 890',
      '+979 1 2345 6789',
      '+1 212 555 0123',
      '+1 204 555 0123',
      '+1 684 733 1234',
      '+7 701 123 4567',
      '+44 7700 900123',
      '+44 1481 256789',
      '+86 138 0013 8000',
      '+86 10 6552 9988',
      '+852 5123 4567',
      '+886 912 345 678',
    ];
    for (const text of typed) {
      const parsed = parsePhoneNumberFromString(text);
      if (!parsed) continue;
      expect(isValidPhone(parsed), text).toBe(parsed.isValid());
    }
  });
});
