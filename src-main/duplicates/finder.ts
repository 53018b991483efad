import type Database from 'better-sqlite3';
import { inArray } from 'drizzle-orm';
import {
  DUPLICATE_REASONS,
  type CustomerRowView,
  type DuplicatePair,
  type DuplicateReason,
  type ParsedInput,
} from '../../src-shared/contract';
import { canonicalEmail, normalizePhone } from '../customers/contacts';
import { toCustomerRows } from '../customers/read';
import type { Db } from '../db/open';
import { customers } from '../db/schema';

type CheckInput = ParsedInput<'duplicates.check'>;
interface Reason {
  reason: DuplicateReason;
  value: string;
}
interface PairRow {
  lowId: number;
  highId: number;
  score: number;
  reasons: string;
}
export interface DuplicateMatch {
  customer: CustomerRowView;
  reasons: Reason[];
}

/** A shared email or phone says far more than a shared name; the sum over the kinds of reasons is capped at 100. */
export const REASON_WEIGHTS: Record<DuplicateReason, number> = {
  email: 60,
  phone: 50,
  nameCompany: 35,
  nameCity: 25,
};
const MAX_SCORE = 100;
/** Enough for the "possible duplicate" hint under a form: more would not be read. */
const CHECK_LIMIT = 10;

// Names, companies and cities match trimmed and case-insensitively (SQLite's lower() folds ASCII;
// Chinese has no case). Blank values never match: nullif turns '' into NULL, and NULL = NULL is not true.
const KEY = (column: string) => `nullif(lower(trim(${column})), '')`;

/**
 * More customers than this sharing one email, phone or name+company/city are not one person
 * entered twice (an office switchboard, info@, a common name in a big city), and listing every
 * pair of them would grow with the square of the group: such groups are not suggested.
 */
export const LARGEST_GROUP = 10;

/**
 * Live customers in a small group sharing name and `column` (company or city). One pass with one
 * sort finds the groups; only their members are then self-joined, through an index SQLite builds
 * on the fly, instead of comparing every customer with every other. NOT INDEXED: the whole table
 * is read anyway, in row order rather than through an index on deleted_at.
 */
const sharing = (cte: string, column: 'company' | 'city') => `
  ${cte} AS MATERIALIZED (
    SELECT id, name, ${column} AS shared, n, k FROM (
      SELECT id, name, ${column}, ${KEY('name')} AS n, ${KEY(column)} AS k,
        count(*) OVER (PARTITION BY ${KEY('name')}, ${KEY(column)}) AS members
      FROM customers NOT INDEXED WHERE deleted_at IS NULL AND ${column} IS NOT NULL
    ) WHERE n IS NOT NULL AND k IS NOT NULL AND members BETWEEN 2 AND ${LARGEST_GROUP}
  )`;

const pairsOf = (cte: string, reason: DuplicateReason) => `
  SELECT a.id, b.id, '${reason}', a.name || ' · ' || a.shared
  FROM ${cte} a JOIN ${cte} b ON b.n = a.n AND b.k = a.k AND b.id > a.id`;

const WEIGHT_OF = `CASE p.reason ${DUPLICATE_REASONS.map((reason) => `WHEN '${reason}' THEN ${REASON_WEIGHTS[reason]}`).join(' ')} END`;

/** Groups (pair, reason) rows into scored pairs of live customers the owner has not dismissed. */
const scored = (from: string) => `
  SELECT p.low_id AS lowId, p.high_id AS highId, min(${MAX_SCORE}, sum(${WEIGHT_OF})) AS score,
    json_group_array(json_object('reason', p.reason, 'value', p.value)) AS reasons
  FROM ${from} p
  CROSS JOIN customers a ON a.id = p.low_id AND a.deleted_at IS NULL
  CROSS JOIN customers b ON b.id = p.high_id AND b.deleted_at IS NULL
  WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.low_id = p.low_id AND d.high_id = p.high_id)
  GROUP BY p.low_id, p.high_id`;

/**
 * Pairs sharing an email, a phone or name+company: every such pair scores at least 35, above any
 * pair that shares only name+city (25), so these come first and the name+city pass below runs
 * only when they do not fill the page. Emails and phones group straight off
 * customer_contacts_normalized_idx, in order (unparseable phones have no normalized value and
 * never match); a pair found here also gets its name+city reason by comparing the two rows.
 */
const STRONG_SQL = `
  WITH
  contact_keys AS (
    SELECT kind, normalized FROM customer_contacts
    WHERE kind IN ('email', 'phone') AND normalized IS NOT NULL
    GROUP BY kind, normalized HAVING count(*) BETWEEN 2 AND ${LARGEST_GROUP}
  ),
  ${sharing('same_company', 'company')},
  -- A customer holds one name and company but may hold two addresses that reduce to one mailbox:
  -- contact pairs are collapsed to one row per pair and reason.
  found(low_id, high_id, reason, value) AS MATERIALIZED (
    SELECT x.customer_id, y.customer_id, k.kind, min(x.value)
    FROM contact_keys k
    JOIN customer_contacts x ON x.kind = k.kind AND x.normalized = k.normalized
    JOIN customer_contacts y ON y.kind = k.kind AND y.normalized = k.normalized AND y.customer_id > x.customer_id
    GROUP BY x.customer_id, y.customer_id, k.kind
    UNION ALL
    ${pairsOf('same_company', 'nameCompany')}
  ),
  with_city(low_id, high_id, reason, value) AS (
    SELECT * FROM found
    UNION ALL
    SELECT a.id, b.id, 'nameCity', a.name || ' · ' || a.city
    FROM (SELECT DISTINCT low_id, high_id FROM found) f
    CROSS JOIN customers a ON a.id = f.low_id
    CROSS JOIN customers b ON b.id = f.high_id
    WHERE ${KEY('a.name')} = ${KEY('b.name')} AND ${KEY('a.city')} = ${KEY('b.city')}
  )
  ${scored('with_city')}
  ORDER BY score DESC, p.low_id, p.high_id
  LIMIT @limit`;

/** Pairs sharing only name+city, in id order: a strong pair that also shares them is skipped by the caller. */
const NAME_CITY_SQL = `
  WITH ${sharing('same_city', 'city')},
  found(low_id, high_id, reason, value) AS (${pairsOf('same_city', 'nameCity')})
  ${scored('found')}
  ORDER BY p.low_id, p.high_id
  LIMIT @limit`;

const byReasonOrder = (x: Reason, y: Reason) =>
  DUPLICATE_REASONS.indexOf(x.reason) - DUPLICATE_REASONS.indexOf(y.reason);

export const scoreOf = (reasons: Reason[]): number =>
  Math.min(
    MAX_SCORE,
    [...new Set(reasons.map((r) => r.reason))].reduce((sum, reason) => sum + REASON_WEIGHTS[reason], 0),
  );

/**
 * Finds customers that are probably one person: the live check while a form is typed, and the
 * list of candidate pairs the Duplicates page shows. Customers in the trash are never suggested.
 */
export class DuplicateFinder {
  private readonly statements;

  constructor(
    sqlite: Database.Database,
    private readonly db: Db,
  ) {
    this.statements = {
      strong: sqlite.prepare(STRONG_SQL),
      nameCity: sqlite.prepare(NAME_CITY_SQL),
      contacts: sqlite.prepare(
        `SELECT cc.customer_id AS id, cc.value FROM customer_contacts cc
         JOIN customers c ON c.id = cc.customer_id
         WHERE cc.kind = @kind AND cc.normalized IN (SELECT value FROM json_each(@values))
           AND c.deleted_at IS NULL AND c.id <> @exclude
         ORDER BY cc.customer_id LIMIT 50`,
      ),
      // Stored text is trimmed by the contract's field builders, so `COLLATE NOCASE` (ASCII case
      // folding, like lower() in the list) is the whole comparison. NOCASE folds only A–Z: a name
      // without those letters (most Chinese names) matches exactly, on customers_name_idx; another
      // is looked for by reading that index whole (names and ids only, a few ms for 100,000).
      // `+deleted_at` keeps the planner off the deleted_at indexes, which would visit every row.
      names: Object.fromEntries(
        (['exact', 'nocase'] as const).map((mode) => [
          mode,
          sqlite.prepare(
            `SELECT id, name, company, city,
               company = @company COLLATE NOCASE AS sameCompany, city = @city COLLATE NOCASE AS sameCity
             FROM customers
             WHERE ${mode === 'exact' ? 'name = @name' : 'id IN (SELECT id FROM customers WHERE name = @name COLLATE NOCASE)'}
               AND +deleted_at IS NULL AND id <> @exclude
               AND (company = @company COLLATE NOCASE OR city = @city COLLATE NOCASE)
             ORDER BY id LIMIT 50`,
          ),
        ]),
      ) as Record<'exact' | 'nocase', Database.Statement>,
      dismiss: sqlite.prepare(
        'INSERT OR IGNORE INTO duplicate_dismissals (low_id, high_id, created_at) VALUES (?, ?, ?)',
      ),
    };
  }

  /** Existing customers the typed one may duplicate, best match first. */
  check(input: CheckInput, region: string | null): DuplicateMatch[] {
    const exclude = input.excludeId ?? 0;
    const found = new Map<number, Reason[]>();
    const add = (id: number, reason: Reason) => {
      const reasons = found.get(id) ?? [];
      if (!reasons.some((r) => r.reason === reason.reason)) reasons.push(reason);
      found.set(id, reasons);
    };

    const contactLookups = [
      { kind: 'email' as const, values: input.emails.map(canonicalEmail).filter(Boolean) },
      {
        kind: 'phone' as const,
        values: input.phones.flatMap((typed) => normalizePhone(typed, region).e164 ?? []),
      },
    ];
    for (const { kind, values } of contactLookups) {
      if (values.length === 0) continue;
      const rows = this.statements.contacts.all({ kind, values: JSON.stringify(values), exclude }) as {
        id: number;
        value: string;
      }[];
      for (const row of rows) add(row.id, { reason: kind, value: row.value });
    }

    if (input.name && (input.company || input.city)) {
      const rows = this.statements.names[/[A-Za-z]/.test(input.name) ? 'nocase' : 'exact'].all({
        name: input.name,
        company: input.company,
        city: input.city,
        exclude,
      }) as {
        id: number;
        name: string;
        company: string;
        city: string;
        sameCompany: 1 | null;
        sameCity: 1 | null;
      }[];
      for (const row of rows) {
        if (row.sameCompany) add(row.id, { reason: 'nameCompany', value: `${row.name} · ${row.company}` });
        if (row.sameCity) add(row.id, { reason: 'nameCity', value: `${row.name} · ${row.city}` });
      }
    }

    const ranked = [...found.entries()]
      .map(([id, reasons]) => ({ id, reasons: reasons.sort(byReasonOrder), score: scoreOf(reasons) }))
      .sort((x, y) => y.score - x.score || x.id - y.id)
      .slice(0, CHECK_LIMIT);
    const rows = this.rowsById(ranked.map((match) => match.id));
    return ranked.map((match) => ({ customer: rows.get(match.id)!, reasons: match.reasons }));
  }

  /** Candidate pairs, strongest first, without the ones the owner said are different people. */
  list(limit: number): DuplicatePair[] {
    const strong = this.statements.strong.all({ limit }) as PairRow[];
    const found = new Set(strong.map((pair) => `${pair.lowId}:${pair.highId}`));
    // Asking for `limit` leaves room for every strong pair that also shares name and city.
    const weak =
      strong.length < limit
        ? (this.statements.nameCity.all({ limit }) as PairRow[])
            .filter((pair) => !found.has(`${pair.lowId}:${pair.highId}`))
            .slice(0, limit - strong.length)
        : [];
    const pairs = [...strong, ...weak];
    const rows = this.rowsById(pairs.flatMap((pair) => [pair.lowId, pair.highId]));
    return pairs.map((pair) => ({
      a: rows.get(pair.lowId)!,
      b: rows.get(pair.highId)!,
      score: pair.score,
      reasons: (JSON.parse(pair.reasons) as Reason[]).sort(byReasonOrder),
    }));
  }

  /** "Not the same person": remembered as an ordered pair, so it is hidden whichever way it is named. */
  dismiss(aId: number, bId: number, now: number): boolean {
    const [low, high] = aId < bId ? [aId, bId] : [bId, aId];
    return this.statements.dismiss.run(low, high, now).changes > 0;
  }

  private rowsById(ids: number[]): Map<number, CustomerRowView> {
    if (ids.length === 0) return new Map();
    const unique = [...new Set(ids)];
    const found = this.db.select().from(customers).where(inArray(customers.id, unique)).all();
    return new Map(toCustomerRows(this.db, found).map((row) => [row.id, row]));
  }
}
