import { Metadata, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * `PhoneNumber.isValid()` with its patterns compiled once. libphonenumber-js builds a new RegExp
 * from the pattern text on every match (`helpers/matchesEntirely.js`), and China's patterns run to
 * kilobytes: half the cost of reading a phone, 0.6 s of a 100,000-customer import. This is the
 * same rule (`isValid.js` and `helpers/getNumberType.js` of libphonenumber-js 1.13), over the same
 * "max" metadata; tests/unit/phoneValidity.test.ts checks it against the library number by number
 * for every country, so an upgrade that changes the rule fails there.
 */

/** What the rule reads of libphonenumber's Metadata: in its JavaScript, not in its type declarations. */
interface NumberingPlan {
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  type(name: NumberType): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
interface SelectableMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: NumberingPlan | undefined;
}

/** A number is valid when it is of one of these types (getNumberType's FIXED_LINE, then the rest). */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;
type NumberType = (typeof NUMBER_TYPES)[number];

interface CompiledPlan {
  general: RegExp;
  /** Empty when the plan has no type patterns: then the general pattern alone decides. */
  types: { pattern: RegExp; lengths: number[] | undefined }[];
  hasTypes: boolean;
}

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);

const plans = new Map<string, CompiledPlan | null>();

function compiledPlan(key: string): CompiledPlan | null {
  let plan = plans.get(key);
  if (plan !== undefined) return plan;
  const metadata = new Metadata() as unknown as SelectableMetadata;
  metadata.selectNumberingPlan(key);
  const numbering = metadata.numberingPlan;
  plan = numbering
    ? {
        general: entirely(numbering.nationalNumberPattern()),
        hasTypes: numbering.hasTypes(),
        types: NUMBER_TYPES.flatMap((name) => {
          const type = numbering.type(name);
          const pattern = type?.pattern();
          return type && pattern ? [{ pattern: entirely(pattern), lengths: type.possibleLengths() }] : [];
        }),
      }
    : null;
  plans.set(key, plan);
  return plan;
}

export function isValidPhone(phone: PhoneNumber): boolean {
  const key = phone.country ?? phone.countryCallingCode;
  return key ? isValidNationalNumber(key, String(phone.nationalNumber)) : false;
}

/** The same rule for a national number of the country (or calling code) `key`. */
export function isValidNationalNumber(key: string, national: string): boolean {
  const plan = compiledPlan(key);
  if (!plan) return false;
  if (!plan.general.test(national)) return false;
  if (!plan.hasTypes) return true;
  return plan.types.some(
    ({ pattern, lengths }) => (!lengths || lengths.includes(national.length)) && pattern.test(national),
  );
}
