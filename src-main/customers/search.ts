import type Database from 'better-sqlite3';
import { inArray } from 'drizzle-orm';
import type { SearchHit } from '../../src-shared/contract';
import type { Db } from '../db/open';
import { customers } from '../db/schema';
import { toCustomerRows } from './read';
import { shortSearchQuery } from './shortSearch';

type MatchedIn = SearchHit['matchedIn'];

interface IndexedRow {
  id: number;
  name: string;
  pinyin: string;
  company: string;
  contacts: string;
  wechat: string;
  notes: string;
}

/** The indexed columns, best match first: a name match outranks a note match. */
const COLUMNS: MatchedIn[] = ['name', 'pinyin', 'company', 'contacts', 'wechat', 'notes'];
const EXCERPT_RADIUS = 30;
/** A query with case outside ASCII is checked in JavaScript, on at most this many candidates. */
const CASED_CANDIDATES = 5_000;

/**
 * "Find anyone in a keystroke": FTS5 trigram search over name, pinyin, company, emails/phones,
 * WeChat, notes and conversation text. Trigrams need three characters, so one- and two-character
 * queries (`张三`, `zs`) use the token index of shortSearch.ts instead.
 * Only customers outside the trash are found.
 */
export class CustomerSearch {
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: Db,
  ) {
    this.statements = {
      // The index (trigrams by column, without positions: migration 0010) names the rows whose
      // column holds every trigram of the query; LIKE on the stored text keeps those that hold the
      // query itself. Newest first: the index reads rowids backwards and stops at the limit.
      // (LIKE with ESCAPE alone would not use the index.)
      matchIn: Object.fromEntries(
        COLUMNS.map((column) => [
          column,
          sqlite.prepare(
            `SELECT s.rowid FROM customer_search s JOIN customers c ON c.id = s.rowid
             WHERE customer_search MATCH @trigrams AND s.${column} LIKE @pattern ESCAPE '\\'
               AND c.deleted_at IS NULL
             ORDER BY s.rowid DESC LIMIT @limit`,
          ),
        ]),
      ),
      candidatesIn: Object.fromEntries(
        COLUMNS.map((column) => [
          column,
          sqlite.prepare(
            `SELECT s.rowid AS id, s.${column} AS text FROM customer_search s JOIN customers c ON c.id = s.rowid
             WHERE customer_search MATCH ? AND c.deleted_at IS NULL
             ORDER BY s.rowid DESC LIMIT ${CASED_CANDIDATES}`,
          ),
        ]),
      ),
      matchConversations: sqlite.prepare(
        `SELECT DISTINCT s.customer_id AS id FROM conversation_search s JOIN customers c ON c.id = s.customer_id
         WHERE conversation_search MATCH ? AND c.deleted_at IS NULL
         ORDER BY bm25(conversation_search) LIMIT ?`,
      ),
      // Beginnings of names and pinyin first, in list order; then any other 1–2 character piece.
      shortStarts: sqlite.prepare(
        `SELECT c.id FROM customer_short_search s JOIN customers c ON c.id = s.rowid
         WHERE customer_short_search MATCH ? AND c.deleted_at IS NULL
         ORDER BY c.name_sort LIMIT ?`,
      ),
      shortGrams: sqlite.prepare(
        `SELECT c.id FROM customer_short_search s JOIN customers c ON c.id = s.rowid
         WHERE customer_short_search MATCH ? AND c.deleted_at IS NULL LIMIT ?`,
      ),
      indexed: (count: number) =>
        sqlite.prepare(
          `SELECT rowid AS id, name, pinyin, company, contacts, wechat, notes FROM customer_search
           WHERE rowid IN (${Array.from({ length: count }, () => '?').join(',')})`,
        ),
      conversationText: sqlite.prepare(
        `SELECT coalesce(subject, '') || ' ' || coalesce(body, '') AS text FROM conversation_search
         WHERE conversation_search MATCH ? AND customer_id = ? LIMIT 1`,
      ),
    };
  }

  search(rawQuery: string, limit: number): { hits: SearchHit[]; tookMs: number } {
    const started = performance.now();
    const query = normalizeQuery(rawQuery);
    const ids: number[] = [];
    let conversationIds = new Set<number>();
    if ([...query].length >= 3) {
      const phrase = `"${query.replaceAll('"', '""')}"`;
      ids.push(...this.longMatches(query, limit));
      if (ids.length < limit) {
        const fromConversations = this.statements.matchConversations.all(phrase, limit) as { id: number }[];
        conversationIds = new Set(fromConversations.map((row) => row.id).filter((id) => !ids.includes(id)));
        ids.push(...[...conversationIds].slice(0, limit - ids.length));
      }
    } else if (query.length > 0) {
      ids.push(...this.shortMatches(query, limit));
    }
    const hits = this.toHits(ids, query, conversationIds);
    return { hits, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  /** Column by column, best first, newest first within a column; each customer once. */
  private longMatches(query: string, limit: number): number[] {
    const cased = hasCaseBeyondAscii(query);
    const ids: number[] = [];
    const seen = new Set<number>();
    for (const column of COLUMNS) {
      if (ids.length === limit) break;
      const text = queryFor(column, query);
      if ([...text].length < 3) continue;
      const trigrams = `${column} : (${trigramQuery(text)})`;
      const needle = text.toLowerCase();
      const found = cased
        ? // LIKE folds ASCII only and would miss `Иван` for `иван`: checked here (the index folds case).
          (this.statements.candidatesIn[column]!.all(trigrams) as { id: number; text: string }[])
            .filter((row) => row.text.toLowerCase().includes(needle))
            .map((row) => row.id)
        : (this.statements.matchIn[column]!.pluck().all({
            trigrams,
            pattern: `%${text.replace(/[\\%_]/g, '\\$&')}%`,
            limit,
          }) as number[]);
      for (const id of found) {
        if (seen.has(id) || ids.length === limit) continue;
        seen.add(id);
        ids.push(id);
      }
    }
    return ids;
  }

  private shortMatches(query: string, limit: number): number[] {
    const starts = shortSearchQuery('starts', query);
    const grams = shortSearchQuery('grams', query);
    if (!starts || !grams) return [];
    const ids = this.statements.shortStarts.pluck().all(starts, limit) as number[];
    if (ids.length < limit) {
      const seen = new Set(ids);
      const more = this.statements.shortGrams.pluck().all(grams, limit + ids.length) as number[];
      ids.push(...more.filter((id) => !seen.has(id)).slice(0, limit - ids.length));
    }
    return ids;
  }

  private toHits(ids: number[], query: string, viaConversation: Set<number>): SearchHit[] {
    if (ids.length === 0) return [];
    const rows = this.db.select().from(customers).where(inArray(customers.id, ids)).all();
    const views = new Map(toCustomerRows(this.db, rows).map((row) => [row.id, row]));
    const indexed = new Map(
      (this.statements.indexed(ids.length).all(...ids) as IndexedRow[]).map((row) => [row.id, row]),
    );
    const needle = query.toLowerCase();
    return ids.flatMap((id): SearchHit[] => {
      const customer = views.get(id);
      if (!customer) return [];
      if (viaConversation.has(id)) {
        const text = this.statements.conversationText.get(`"${query.replaceAll('"', '""')}"`, id) as
          { text: string } | undefined;
        return [{ customer, matchedIn: 'conversation', excerpt: text ? excerpt(text.text, needle) : null }];
      }
      const row = indexed.get(id);
      const matchedIn =
        COLUMNS.find(
          (column) => row && rowText(row, column).toLowerCase().includes(queryFor(column, needle)),
        ) ?? 'name';
      const long = matchedIn === 'notes' && row ? excerpt(row.notes, needle) : null;
      return [{ customer, matchedIn, excerpt: long }];
    });
  }
}

const rowText = (row: IndexedRow, column: MatchedIn) => row[column as keyof IndexedRow].toString();

/**
 * The pinyin column holds a name's pinyin run together and its initials (`zhangsan zs`): what
 * someone types with spaces between the syllables (`zhang san`) is looked up without them.
 */
function queryFor(column: MatchedIn, query: string): string {
  return column === 'pinyin' && /^[a-z ]+$/i.test(query) ? query.replaceAll(' ', '') : query;
}

/**
 * Every distinct trigram of the query, each a quoted token, all required: the index has no
 * positions to match a phrase with (the LIKE that follows does that).
 */
export function trigramQuery(query: string): string {
  const chars = [...query];
  const trigrams = new Set<string>();
  for (let at = 0; at + 3 <= chars.length; at++) trigrams.add(chars.slice(at, at + 3).join(''));
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

/** True when the query has a letter outside ASCII with an upper and a lower case (`É`, `и`). */
function hasCaseBeyondAscii(query: string): boolean {
  for (const char of query) {
    if (char.charCodeAt(0) > 0x7f && char.toLowerCase() !== char.toUpperCase()) return true;
  }
  return false;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Phone-like queries (`138 0013-8000`) are searched as digits, since that is how phones are indexed. */
export function normalizeQuery(raw: string): string {
  // Control characters (NUL from a paste) are never in indexed text and would break the FTS query.
  const trimmed = raw.replace(CONTROL_CHARACTERS, ' ').trim().replace(/\s+/g, ' ');
  if (/^[\d\s+\-().]+$/.test(trimmed) && /\d/.test(trimmed)) return trimmed.replace(/\D/g, '');
  return trimmed;
}

function excerpt(text: string, needle: string): string {
  const at = text.toLowerCase().indexOf(needle);
  if (at < 0) return text.slice(0, EXCERPT_RADIUS * 2);
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, at + needle.length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
