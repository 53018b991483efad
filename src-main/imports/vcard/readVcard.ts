import iconv from 'iconv-lite';
import type { CustomerTarget, IssueCode } from '../../../src-shared/contract';
import { AppError } from '../../core/errors';
import { CUSTOMER_HEADER_NAMES } from '../mapping/headerNames';
import type { SourceRow } from '../read/types';

/**
 * Reads a vCard file (2.1 from old Android and Nokia phones, 3.0, 4.0) as a table with our own
 * export's English headers, so it goes through the same mapping, dry run and undo as a CSV file.
 * The text is already decoded; only QUOTED-PRINTABLE values still carry bytes in their CHARSET.
 */

/** One content line after unfolding, with the physical line it started on. */
interface ContentLine {
  line: number;
  text: string;
}

interface Property {
  name: string;
  /** Parameter name (upper case) → its values; 2.1's bare `TEL;CELL;PREF` become TYPE values. */
  params: Map<string, string[]>;
  value: string;
}

interface Card {
  /** The line of BEGIN:VCARD. */
  line: number;
  properties: Property[];
}

const SINGLE_BEFORE = ['name', 'company', 'jobTitle'] as const;
const SINGLE_AFTER = [
  'wechat',
  'street',
  'city',
  'province',
  'postcode',
  'country',
  'birthday',
  'notes',
  'tags',
  'externalId',
] as const;
type SingleTarget = (typeof SINGLE_BEFORE)[number] | (typeof SINGLE_AFTER)[number];

interface Contact {
  line: number;
  fields: Record<SingleTarget, string>;
  emails: string[];
  phones: string[];
}

export function readVcardTable(text: string): { headers: string[]; rows: SourceRow[] } {
  const contacts = splitCards(contentLines(text)).map(toContact);
  // A loop, not Math.max(...spread): a phone book of 100,000 cards would overflow the call stack.
  let emailColumns = 0;
  let phoneColumns = 0;
  for (const { emails, phones } of contacts) {
    emailColumns = Math.max(emailColumns, emails.length);
    phoneColumns = Math.max(phoneColumns, phones.length);
  }
  const header = (target: CustomerTarget) => CUSTOMER_HEADER_NAMES[target].en;
  const repeat = (cell: string, times: number) => Array.from({ length: times }, () => cell);
  const padded = (values: string[], width: number) => [...values, ...repeat('', width - values.length)];
  return {
    headers: [
      ...SINGLE_BEFORE.map(header),
      ...repeat(header('email'), emailColumns),
      ...repeat(header('phone'), phoneColumns),
      ...SINGLE_AFTER.map(header),
    ],
    rows: contacts.map((contact) => ({
      line: contact.line,
      cells: [
        ...SINGLE_BEFORE.map((target) => contact.fields[target]),
        ...padded(contact.emails, emailColumns),
        ...padded(contact.phones, phoneColumns),
        ...SINGLE_AFTER.map((target) => contact.fields[target]),
      ],
    })),
  };
}

function fileProblem(
  message: string,
  params: Record<string, number | string>,
  code: IssueCode = 'file_vcard',
) {
  return new AppError('VALIDATION', message, [{ path: 'file', code, message, params }]);
}

// ---------------------------------------------------------------------------------------------
// Lines and cards

/**
 * Joins folded lines: a line starting with a space or tab continues the previous one (RFC 6350
 * §3.2), and in QUOTED-PRINTABLE values a trailing `=` is a soft line break, which 2.1 writers
 * put even in the middle of one character's bytes (`=E5=BC=` + `=A0`).
 */
function contentLines(text: string): ContentLine[] {
  // Pieces are joined once at the end: appending to a growing string and testing its end again
  // for every folded line was quadratic (a phone book with photos froze for seconds).
  const lines: { line: number; pieces: string[]; quotedPrintable: boolean }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((physical, index) => {
      const last = lines.at(-1);
      const lastPiece = last?.pieces.at(-1) ?? '';
      const softBreak = last !== undefined && last.quotedPrintable && lastPiece.endsWith('=');
      const folded = /^[ \t]/.test(physical);
      if (last && (folded || softBreak)) {
        if (softBreak) last.pieces[last.pieces.length - 1] = lastPiece.slice(0, -1);
        last.pieces.push(folded ? physical.slice(1) : physical);
      } else {
        lines.push({ line: index + 1, pieces: [physical], quotedPrintable: isQuotedPrintable(physical) });
      }
    });
  return lines.map(({ line, pieces }) => ({ line, text: pieces.join('') }));
}

function isQuotedPrintable(text: string): boolean {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  return /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i.test(head);
}

function splitCards(lines: ContentLine[]): Card[] {
  const cards: Card[] = [];
  let open: Card | null = null;
  for (const { line, text } of lines) {
    if (text.trim() === '') continue;
    const property = parseProperty(text);
    const keyword = property ? `${property.name}:${property.value.trim().toUpperCase()}` : '';
    if (keyword === 'BEGIN:VCARD') {
      if (open) throw unclosed(open);
      open = { line, properties: [] };
    } else if (!open) {
      throw fileProblem(`This is not a vCard file: line ${line} is not part of a card (BEGIN:VCARD).`, {
        line,
        problem: 'not_vcard',
      });
    } else if (keyword === 'END:VCARD') {
      cards.push(open);
      open = null;
    } else if (property) {
      open.properties.push(property);
    }
    // A line without `:` inside a card (2.1's unindented PHOTO data) carries nothing we read.
  }
  if (open) throw unclosed(open);
  if (cards.length === 0) {
    throw fileProblem('The file contains no contacts.', {}, 'file_empty');
  }
  return cards;
}

const unclosed = (card: Card) =>
  fileProblem(
    `The card starting on line ${card.line} has no END:VCARD: the file is cut off or damaged. Nothing was imported.`,
    { line: card.line, problem: 'no_end' },
  );

/** `item1.TEL;TYPE="cell,voice";PREF=1:value`; a `:` inside a quoted parameter value is not the separator. */
function parseProperty(text: string): Property | null {
  const colon = indexOutsideQuotes(text, ':');
  if (colon < 0) return null;
  const [groupedName = '', ...paramTexts] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = groupedName
    .slice(groupedName.lastIndexOf('.') + 1)
    .trim()
    .toUpperCase();
  const params = new Map<string, string[]>();
  for (const paramText of paramTexts) {
    const equals = paramText.indexOf('=');
    const key = equals < 0 ? bareParamKey(paramText) : paramText.slice(0, equals).trim().toUpperCase();
    const values = splitOutsideQuotes(equals < 0 ? paramText : paramText.slice(equals + 1), ',').map(
      (value) => value.trim().replace(/^"(.*)"$/, '$1'),
    );
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: text.slice(colon + 1) };
}

/** 2.1 allows `TEL;CELL;PREF` and `NOTE;QUOTED-PRINTABLE`: a bare value names its parameter. */
function bareParamKey(value: string): string {
  return /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i.test(value.trim()) ? 'ENCODING' : 'TYPE';
}

function indexOutsideQuotes(text: string, separator: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let at = indexOutsideQuotes(rest, separator); at >= 0; at = indexOutsideQuotes(rest, separator)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

// ---------------------------------------------------------------------------------------------
// Values

/** The property's value as text, QUOTED-PRINTABLE bytes decoded through its CHARSET (UTF-8 default). */
function decodedValue(property: Property): string {
  const encoding = (property.params.get('ENCODING') ?? []).map((value) => value.toUpperCase());
  if (!encoding.includes('QUOTED-PRINTABLE')) return property.value;
  const named = property.params.get('CHARSET')?.[0] ?? 'utf-8';
  const charset = iconv.encodingExists(named) ? named : 'utf-8';
  const bytes: Uint8Array[] = [];
  for (const [, hex, plain] of property.value.matchAll(/=([0-9A-Fa-f]{2})|=|([^=]+)/g)) {
    if (hex) bytes.push(Uint8Array.of(parseInt(hex, 16)));
    // Characters outside =XX were decoded with the file: put them back in the value's charset.
    else if (plain) bytes.push(iconv.encode(plain, charset));
    // A lone `=` is what is left of a soft line break folded with a space: nothing.
  }
  return iconv.decode(Buffer.concat(bytes), charset);
}

/** Splits on a separator not escaped by a backslash; the parts keep their escapes. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      current += char + value[++i];
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  return [...parts, current];
}

/**
 * 3.0 and 4.0 escape `\\ \, \; \n`; 2.1 escapes only `\;`, so a backslash in a 2.1 note
 * (`C:\new`) is text, not a newline.
 */
function unescape(value: string, version: string): string {
  if (version === '2.1') return value.replaceAll('\\;', ';');
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

// ---------------------------------------------------------------------------------------------
// Card → contact

const HAN = /\p{Script=Han}/u;

function toContact(card: Card): Contact {
  const version = card.properties.find((property) => property.name === 'VERSION')?.value.trim() ?? '3.0';
  const all = (name: string) => preferredFirst(card.properties.filter((property) => property.name === name));
  const texts = (name: string) =>
    all(name)
      .map((property) => unescape(decodedValue(property), version).trim())
      .filter((value) => value !== '');
  const text = (name: string) => texts(name)[0] ?? '';
  /** The parts of the first (preferred) structured value: N, ADR, ORG. */
  const parts = (name: string) => {
    const property = all(name)[0];
    if (!property) return [];
    return splitUnescaped(decodedValue(property), ';').map((part) => unescape(part, version).trim());
  };
  const [, extended = '', street = '', city = '', province = '', postcode = '', country = ''] = parts('ADR');
  return {
    line: card.line,
    fields: {
      name: text('FN') || nameFromParts(parts('N')),
      company: parts('ORG')[0] ?? '',
      jobTitle: text('TITLE'),
      wechat: text('X-WECHAT'),
      street: joinParts([street, extended]),
      city,
      province,
      postcode,
      country,
      birthday: birthday(text('BDAY')),
      notes: texts('NOTE').join('\n'),
      tags: all('CATEGORIES')
        .flatMap((property) => splitUnescaped(decodedValue(property), ','))
        .map((tag) => unescape(tag, version).trim())
        .filter((tag) => tag !== '')
        .join(','),
      externalId: text('UID').replace(/^urn:uuid:/i, ''),
    },
    emails: texts('EMAIL'),
    // 4.0 writes `TEL;VALUE=uri:tel:+86…`: the number is what follows the scheme.
    phones: texts('TEL').map((phone) => phone.replace(/^tel:/i, '')),
  };
}

/** PREF=1 (4.0) or TYPE=PREF (2.1, 3.0) first; otherwise the order of the file. */
function preferredFirst(properties: Property[]): Property[] {
  const rank = (property: Property) => {
    const pref = Number(property.params.get('PREF')?.[0]);
    if (Number.isInteger(pref)) return pref;
    const types = (property.params.get('TYPE') ?? []).map((type) => type.toUpperCase());
    return types.includes('PREF') ? 1 : 101;
  };
  return properties
    .map((property) => ({ property, rank: rank(property) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ property }) => property);
}

/** N is family;given;additional;prefix;suffix: `张三` for Chinese names, `John Q Smith` otherwise. */
function nameFromParts([family = '', given = '', additional = '']: string[]): string {
  return HAN.test(family + given) ? family + given : joinParts([given, additional, family]);
}

/** Words joined by a space, except next to Chinese text, which is written without spaces. */
function joinParts(parts: string[]): string {
  let joined = '';
  for (const part of parts.filter((text) => text !== '')) {
    const tight = joined === '' || HAN.test(joined.at(-1)!) || HAN.test(part[0]!);
    joined += (tight ? '' : ' ') + part;
  }
  return joined;
}

/**
 * `19900501`, `1990-05-01` (and a time after them) become `1990-05-01`; `--0501` has no year and
 * cannot be a birthday date, so it is left empty. Anything else goes on as typed for the dry run
 * to report on its line.
 */
function birthday(value: string): string {
  if (value.startsWith('--')) return '';
  const date = /^(\d{4})-?(\d{2})-?(\d{2})(T.*)?$/.exec(value);
  return date ? `${date[1]}-${date[2]}-${date[3]}` : value;
}
