import { IMPORT_TARGETS, REPEATABLE_TARGETS, type ImportKind } from '../../../src-shared/contract';
import { HEADER_NAMES, type HeaderName } from './headerNames';

/**
 * Suggests a target for every column of a file from its header, in Chinese or English, so the
 * owner usually only confirms the mapping. A suggestion is only a suggestion: the wizard shows it
 * and the owner can change any column.
 */

// Punctuation (`_ - . : * / ( ) （ ）、` …), spaces of every kind, and invisible format characters
// (BOM, zero-width space) are cosmetic: `Phone No.`, `phone_no` and `Phone（No）` are one header.
const COSMETIC = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]/gu;

/** The form headers are compared in: full-width → half-width (NFKC), lowercase, no punctuation or spaces. */
export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(COSMETIC, '');
}

/** The template lookup key: two files have "the same headers" when their normalized headers agree. */
export function headerKey(headers: string[]): string {
  return headers.map(normalizeHeader).join('\u001f');
}

/** How well a header names a target; lower is better. */
const RANK = {
  /** A custom field the owner created and named like the column: their own word wins. */
  custom: 0,
  /** The English or Chinese name our exports write. */
  exact: 1,
  synonym: 2,
  /** `Email 2`, `电话2`: a numbered copy of a repeatable target's name. */
  numbered: 3,
} as const;

interface Candidate {
  target: string;
  rank: number;
}

/**
 * In an orders file that has line columns (SKU, quantity, unit price), a header that could be the
 * order's description or the line's (Online Retail's `Description`) describes the line.
 */
const LINE_CONTEXT = {
  kind: 'orders',
  prefer: 'lineDescription',
  over: 'description',
  when: ['sku', 'quantity', 'unitPrice'],
} as const;

const TRAILING_NUMBER = /\d+$/;

/**
 * One suggested target per column, or null. A non-repeatable target goes to the first column
 * that names it; repeatable ones (email, phone, tags) to every column that does.
 */
export function suggestMapping(
  headers: string[],
  kind: ImportKind,
  customFields: { id: number; name: string }[],
): (string | null)[] {
  const vocabulary = vocabularyFor(kind, customFields);
  const normalized = headers.map(normalizeHeader);
  const candidates = normalized.map((header) => candidatesFor(header, vocabulary));
  applyLineContext(kind, candidates);
  // A custom field named like a built-in one (`微信`) appears twice in our exports: the built-in
  // column first, the custom field after it. Only a header that appears once is the owner's field.
  const occurrences = new Map<string, number>();
  for (const header of normalized) occurrences.set(header, (occurrences.get(header) ?? 0) + 1);
  candidates.forEach((options, column) => {
    if ((occurrences.get(normalized[column]!) ?? 0) > 1)
      options.sort((a, b) => customLast(a) - customLast(b));
  });

  const mapping: (string | null)[] = headers.map(() => null);
  const taken = new Set<string>();
  const assign = (column: number, options: Candidate[]) => {
    // A header repeated word for word names the same field again, unless another of its meanings is free.
    const free = options.find(({ target }) => isRepeatable(target) || !taken.has(target));
    if (!free) return;
    mapping[column] = free.target;
    if (!isRepeatable(free.target)) taken.add(free.target);
  };
  // Columns that can mean only one thing claim their target first, so an ambiguous header
  // (`Description`) falls to whichever of its meanings the file leaves free.
  const ambiguous = (options: Candidate[]) => new Set(options.map(({ target }) => target)).size > 1;
  candidates.forEach((options, column) => {
    if (!ambiguous(options)) assign(column, options);
  });
  candidates.forEach((options, column) => {
    if (ambiguous(options)) assign(column, options);
  });
  return mapping;
}

const isRepeatable = (target: string) => REPEATABLE_TARGETS.includes(target);
const customLast = (candidate: Candidate) => (candidate.rank === RANK.custom ? 1 : 0);

interface VocabularyEntry {
  target: string;
  names: Map<string, number>;
}

/** Every target of the kind with its normalized names and how strongly each one names it. */
function vocabularyFor(kind: ImportKind, customFields: { id: number; name: string }[]): VocabularyEntry[] {
  const names: Record<string, HeaderName> = HEADER_NAMES[kind];
  const entries: VocabularyEntry[] = IMPORT_TARGETS[kind].map((target) => {
    const { en, zh, synonyms } = names[target]!;
    const ranked = new Map<string, number>();
    for (const synonym of synonyms) ranked.set(normalizeHeader(synonym), RANK.synonym);
    for (const name of [en, zh]) ranked.set(normalizeHeader(name), RANK.exact);
    return { target, names: ranked };
  });
  // Custom fields belong to customers only (orders and conversations have none).
  if (kind !== 'customers') return entries;
  const custom = customFields.map(({ id, name }) => ({
    target: `custom:${id}`,
    names: new Map([[normalizeHeader(name), RANK.custom]]),
  }));
  return [...custom, ...entries];
}

/** The targets a header could mean, best first; ties keep the contract's target order. */
function candidatesFor(header: string, vocabulary: VocabularyEntry[]): Candidate[] {
  if (header === '') return [];
  const unnumbered = header.replace(TRAILING_NUMBER, '');
  const found: Candidate[] = [];
  for (const { target, names } of vocabulary) {
    const rank = names.get(header);
    if (rank !== undefined) found.push({ target, rank });
    else if (isRepeatable(target) && unnumbered !== header && names.has(unnumbered)) {
      found.push({ target, rank: RANK.numbered });
    }
  }
  // Array.prototype.sort is stable: equal ranks stay in vocabulary order.
  return found.sort((a, b) => a.rank - b.rank);
}

function applyLineContext(kind: ImportKind, candidates: Candidate[][]): void {
  if (kind !== LINE_CONTEXT.kind) return;
  const lineFile = candidates.some((options) =>
    options.some(({ target }) => (LINE_CONTEXT.when as readonly string[]).includes(target)),
  );
  if (!lineFile) return;
  for (const options of candidates) {
    const prefer = options.findIndex(({ target }) => target === LINE_CONTEXT.prefer);
    const over = options.findIndex(({ target }) => target === LINE_CONTEXT.over);
    if (prefer > over && over >= 0) options.splice(over, 0, ...options.splice(prefer, 1));
  }
}
