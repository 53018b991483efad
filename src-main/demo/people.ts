import { BUILT_IN_SOURCES, type CustomerFieldsParsed } from '../../src-shared/contract';
import type { Random } from './random';
import {
  CITIES,
  CN_COMPANY_NAMES,
  CN_EMAIL_DOMAINS,
  CN_INDUSTRIES,
  CN_JOB_TITLES,
  CN_NOTES,
  CN_STREETS,
  COMMON_GIVEN_NAMES,
  EN_COMPANY_NAMES,
  EN_COMPANY_SUFFIXES,
  EN_EMAIL_DOMAINS,
  EN_INDUSTRIES,
  EN_JOB_TITLES,
  EN_NOTES,
  EN_STREETS,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  GIVEN_CHARS,
  INTERNATIONAL_CITIES,
  SURNAMES,
  type City,
} from './vocabulary';

/** A generated person: the form fields plus what the history generator needs to know about them. */
export interface DemoPerson {
  fields: CustomerFieldsParsed;
  chinese: boolean;
  city: City;
}

export interface PersonContext {
  random: Random;
  /** The region phones are read in: without it, Chinese numbers are written with +86. */
  region: string | null;
  /** Canonical emails and phone digits handed out so far: only planted duplicates may share one. */
  usedEmails: Set<string>;
  usedPhones: Set<string>;
}

const SURNAME_WEIGHTS = SURNAMES.map((surname, rank) => [surname, 1 / (rank + 8)] as const);
const CITY_WEIGHTS = CITIES.map((city) => [city, city.weight] as const);
const SOURCE_WEIGHTS = BUILT_IN_SOURCES.map(
  (key) =>
    [key, { website: 25, social: 25, email: 8, referral: 18, event: 6, offline: 13, other: 5 }[key]] as const,
);
const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 180 181 182 183 186 187 188 189'.split(
    ' ',
  );

/** ~60% Chinese and ~40% English names, with the contacts and address such a customer would have. */
export function makePerson(
  context: PersonContext,
  needs: { gmail?: boolean; mobile?: boolean; company?: boolean } = {},
): DemoPerson {
  const { random } = context;
  const chinese = random.chance(0.6);
  const name = chinese ? chineseName(random) : englishName(random);
  const city = chinese
    ? random.chance(0.95)
      ? random.weighted(CITY_WEIGHTS)
      : random.pick(INTERNATIONAL_CITIES)
    : random.chance(0.45)
      ? random.pick(INTERNATIONAL_CITIES)
      : random.weighted(CITY_WEIGHTS);
  const company =
    needs.company || random.chance(0.45) ? companyName(random, chinese, city, name.display) : null;

  const emails: string[] = [];
  if (needs.gmail || random.chance(0.85)) emails.push(uniqueEmail(context, name.local, chinese, needs.gmail));
  if (random.chance(0.15)) emails.push(uniqueEmail(context, name.local, chinese, false));
  const phones: string[] = [];
  if (needs.mobile || random.chance(0.9)) phones.push(uniquePhone(context, city, needs.mobile));
  if (random.chance(0.12)) phones.push(uniquePhone(context, city, false));

  const fields: CustomerFieldsParsed = {
    name: name.display,
    company,
    jobTitle: company && random.chance(0.8) ? random.pick(chinese ? CN_JOB_TITLES : EN_JOB_TITLES) : null,
    emails,
    phones,
    wechat: wechatId(random, chinese, name.local),
    country: city.country,
    province: city.province,
    city: city.city,
    street: random.chance(0.5) ? street(random, city) : null,
    postcode: random.chance(0.4) ? postcode(random, city) : null,
    source: random.weighted(SOURCE_WEIGHTS),
    stage: null,
    birthday: random.chance(0.3)
      ? `${random.int(1960, 2003)}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`
      : null,
    notes: random.chance(0.25) ? random.pick(chinese ? CN_NOTES : EN_NOTES) : null,
    consent: random.weighted([
      ['yes', 40],
      ['no', 10],
      ['unknown', 50],
    ] as const),
    tagIds: [],
    custom: {},
  };
  return { fields, chinese, city };
}

const pad2 = (value: number) => String(value).padStart(2, '0');

function chineseName(random: Random): { display: string; local: string } {
  const surname = random.weighted(SURNAME_WEIGHTS);
  const given = random.chance(0.15)
    ? random.pick(COMMON_GIVEN_NAMES)
    : random.chance(0.7)
      ? joinChars(random.pick(GIVEN_CHARS), random.pick(GIVEN_CHARS))
      : random.pick(GIVEN_CHARS);
  const local = random.chance(0.5) ? `${surname.pinyin}${given.pinyin}` : `${given.pinyin}.${surname.pinyin}`;
  return { display: surname.han + given.han, local };
}

const joinChars = (a: { pinyin: string; han: string }, b: { pinyin: string; han: string }) => ({
  pinyin: a.pinyin + b.pinyin,
  han: a.han + b.han,
});

function englishName(random: Random): { display: string; local: string } {
  const first = random.pick(ENGLISH_FIRST_NAMES);
  const last = random.pick(ENGLISH_LAST_NAMES);
  const local = random.chance(0.6) ? `${first}.${last}` : `${first[0]}${last}`;
  return { display: `${first} ${last}`, local: local.toLowerCase() };
}

function companyName(random: Random, chinese: boolean, city: City, person: string): string {
  if (chinese) {
    const place = city.domestic ? city.city : '';
    return `${place}${random.pick(CN_COMPANY_NAMES)}${random.pick(CN_INDUSTRIES)}有限公司`;
  }
  const brand = random.chance(0.2) ? (person.split(' ')[1] ?? person) : random.pick(EN_COMPANY_NAMES);
  return `${brand} ${random.pick(EN_INDUSTRIES)} ${random.pick(EN_COMPANY_SUFFIXES)}`;
}

function uniqueEmail(
  context: PersonContext,
  local: string,
  chinese: boolean,
  gmail: boolean | undefined,
): string {
  const { random } = context;
  for (;;) {
    const domain = gmail ? 'gmail.com' : random.weighted(chinese ? CN_EMAIL_DOMAINS : EN_EMAIL_DOMAINS);
    const address =
      domain === 'qq.com' && random.chance(0.6)
        ? `${random.int(10_000_000, 2_999_999_999)}@qq.com`
        : `${local}${random.chance(0.7) ? random.int(1, 9999) : ''}@${domain}`;
    const key = address.replaceAll('.', '').split('@')[0]! + '@' + domain;
    if (!context.usedEmails.has(key)) {
      context.usedEmails.add(key);
      return address;
    }
  }
}

function uniquePhone(context: PersonContext, city: City, mobile: boolean | undefined): string {
  for (;;) {
    const phone =
      city.domestic || mobile ? chinesePhone(context, city, mobile) : foreignPhone(context.random, city);
    const digits = phone.replace(/\D/g, '').replace(/^86/, '').replace(/^0/, '');
    if (!context.usedPhones.has(digits)) {
      context.usedPhones.add(digits);
      return phone;
    }
  }
}

/** A Chinese mobile (13x/15x/18x) typed one of the ways people type them, or a landline. */
function chinesePhone(context: PersonContext, city: City, mobile: boolean | undefined): string {
  const { random } = context;
  if (!mobile && city.domestic && random.chance(0.15)) {
    const local = `${random.int(2, 8)}${random.digits(3)} ${random.digits(4)}`;
    return context.region === 'CN'
      ? `${city.dialPrefix}-${local}`
      : `+86 ${city.dialPrefix.slice(1)} ${local}`;
  }
  const number = random.pick(MOBILE_PREFIXES) + random.digits(8);
  return formatMobile(number, random.int(0, 3), context.region);
}

/** The ways one mobile number gets typed: the duplicates planted in a demo differ only in this. */
export function formatMobile(number: string, style: number, region: string | null): string {
  const spaced = `${number.slice(0, 3)} ${number.slice(3, 7)} ${number.slice(7)}`;
  const forms = [
    number,
    spaced,
    `+86 ${spaced}`,
    `${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`,
  ];
  const form = forms[style % forms.length]!;
  return region === 'CN' || form.startsWith('+') ? form : `+86 ${form}`;
}

function foreignPhone(random: Random, city: City): string {
  if (city.dialPrefix.startsWith('+1 '))
    return `${city.dialPrefix} ${random.int(201, 989)}-${random.digits(4)}`;
  if (city.dialPrefix === '+44 20') return `+44 20 7${random.digits(3)} ${random.digits(4)}`;
  if (city.dialPrefix === '+44 161') return `+44 161 ${random.int(200, 999)} ${random.digits(4)}`;
  return `${city.dialPrefix}${random.digits(3)} ${random.digits(4)}`;
}

function wechatId(random: Random, chinese: boolean, local: string): string | null {
  if (!random.chance(chinese ? 0.55 : 0.1)) return null;
  if (random.chance(0.6)) return `wxid_${random.int(36 ** 7, 36 ** 8 - 1).toString(36)}`;
  return `${local.replace('.', '_')}${random.digits(3)}`;
}

function street(random: Random, city: City): string {
  return city.domestic
    ? `${random.pick(CN_STREETS)}${random.int(1, 999)}号`
    : `${random.int(1, 999)} ${random.pick(EN_STREETS)}`;
}

function postcode(random: Random, city: City): string {
  return city.domestic ? `${city.postcode}${random.digits(3)}` : city.postcode;
}
