/**
 * Writes customers as vCards: 4.0 (RFC 6350) by default, 3.0 (RFC 2426) for older phones,
 * which do not understand `VALUE=uri` phones or basic-format birthdays.
 */

export interface VcardCustomer {
  uid: string;
  name: string;
  company: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: { value: string; e164: string | null }[];
  wechat: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postcode: string | null;
  country: string | null;
  /** YYYY-MM-DD. */
  birthday: string | null;
  notes: string | null;
  tags: string[];
  /** Epoch ms of the last change: the card's REV. */
  updatedAt: number;
}

export type VcardVersion = '4.0' | '3.0';

export function writeVcards(customers: VcardCustomer[], version: VcardVersion): string {
  return customers.map((customer) => cardLines(customer, version).map(fold).join('\r\n') + '\r\n').join('');
}

function cardLines(customer: VcardCustomer, version: VcardVersion): string[] {
  const modern = version === '4.0';
  const [family, given] = nameParts(customer.name);
  const address = [customer.street, customer.city, customer.province, customer.postcode, customer.country];
  const optional = (property: string, value: string | null) =>
    value ? [`${property}:${escape(value)}`] : [];
  return [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    modern ? `UID:urn:uuid:${customer.uid}` : `UID:${customer.uid}`,
    `FN:${escape(customer.name)}`,
    `N:${escape(family)};${escape(given)};;;`,
    ...optional('ORG', customer.company),
    ...optional('TITLE', customer.jobTitle),
    ...customer.emails.map((email) => `${modern ? 'EMAIL' : 'EMAIL;TYPE=INTERNET'}:${escape(email)}`),
    ...customer.phones.map((phone) => {
      if (!modern) return `TEL;TYPE=CELL:${escape(phone.e164 ?? phone.value)}`;
      return phone.e164 ? `TEL;VALUE=uri:tel:${phone.e164}` : `TEL:${escape(phone.value)}`;
    }),
    ...(address.some(Boolean) ? [`ADR:;;${address.map((part) => escape(part ?? '')).join(';')}`] : []),
    // 4.0 allows only the basic format (19900501); 3.0 readers expect 1990-05-01.
    ...optional(
      'BDAY',
      customer.birthday && (modern ? customer.birthday.replaceAll('-', '') : customer.birthday),
    ),
    ...optional('NOTE', customer.notes),
    ...(customer.tags.length > 0 ? [`CATEGORIES:${customer.tags.map(escape).join(',')}`] : []),
    ...optional('X-WECHAT', customer.wechat),
    `REV:${new Date(customer.updatedAt).toISOString().replace(/[-:]|\.\d{3}/g, '')}`,
    'END:VCARD',
  ];
}

const HAN = /\p{Script=Han}/u;

/**
 * N's family and given name for phones that display N rather than FN. A Chinese name stays whole
 * as the family name (splitting 欧阳娜娜 needs a surname list; the whole name sorts under its
 * surname anyway); otherwise the last word is the family name.
 */
function nameParts(name: string): [family: string, given: string] {
  const trimmed = name.trim();
  const space = trimmed.lastIndexOf(' ');
  if (HAN.test(trimmed) || space < 0) return [trimmed, ''];
  return [trimmed.slice(space + 1), trimmed.slice(0, space).trim()];
}

/** Text value escaping (RFC 6350 §3.4): backslash, comma, semicolon and every line break. */
function escape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const LINE_OCTETS = 75;

/**
 * Folds a line to at most 75 octets of UTF-8 (RFC 6350 §3.2), the continuation's leading space
 * included, never between the bytes of one character (a split 张 or emoji shows as garbage on
 * phones that decode each physical line).
 */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  return [...lines, current].join('\r\n');
}

const utf8Length = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
