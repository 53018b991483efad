import type Database from 'better-sqlite3';
import type { Deal, DealStatus, ParsedInput, WinReason } from '../../src-shared/contract';
import { DAY_MS } from '../analytics/history';
import { toIso } from '../core/clock';
import { localDate } from '../core/localDate';

type ListInput = ParsedInput<'deals.list'>;

/** A deal row with what its card shows from the customer and the stage. */
export interface DealRecord {
  id: number;
  uid: string;
  title: string;
  customerId: number;
  customerName: string;
  customerCompany: string | null;
  valueCents: number;
  currency: string;
  stageId: number;
  ownProbability: number | null;
  stageProbability: number;
  stagePosition: number;
  expectedClose: string | null;
  source: string | null;
  nextStep: string | null;
  nextStepDate: string | null;
  notes: string | null;
  status: DealStatus;
  lostReason: string | null;
  closedOn: string | null;
  closedAt: number | null;
  orderId: number | null;
  position: number;
  stageEnteredAt: number;
  /** The later of the deal's own last change and the customer's last conversation. */
  lastActivityAt: number;
  createdAt: number;
  updatedAt: number;
}

/** The probability a deal is weighted with: its own, else its stage's default. */
export const probabilityOf = (row: Pick<DealRecord, 'ownProbability' | 'stageProbability'>) =>
  row.ownProbability ?? row.stageProbability;

export const DEAL_COLUMNS = `d.id, d.uid, d.title, d.customer_id AS customerId, c.name AS customerName,
  c.company AS customerCompany, d.value_cents AS valueCents, d.currency, d.stage_id AS stageId,
  d.probability AS ownProbability, s.probability AS stageProbability, s.position AS stagePosition,
  d.expected_close AS expectedClose, d.source, d.next_step AS nextStep,
  d.next_step_date AS nextStepDate, d.notes, d.status, d.lost_reason AS lostReason,
  d.closed_on AS closedOn, d.closed_at AS closedAt, d.order_id AS orderId, d.position,
  d.stage_entered_at AS stageEnteredAt,
  max(d.last_activity_at, coalesce(c.last_contact_at, 0)) AS lastActivityAt,
  d.created_at AS createdAt, d.updated_at AS updatedAt`;

/** Deals of customers outside the trash, themselves outside it. */
export const DEAL_FROM = `FROM deals d JOIN customers c ON c.id = d.customer_id
  JOIN deal_stages s ON s.id = d.stage_id
  WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL`;

const SORT_SQL: Record<ListInput['sort'], string[]> = {
  position: ['s.position', 'd.position'],
  value: ['d.value_cents'],
  weighted: ['d.value_cents * coalesce(d.probability, s.probability)'],
  expectedClose: ["coalesce(d.expected_close, '9999')"],
  // Longer in the stage = entered earlier.
  daysInStage: ['-d.stage_entered_at'],
  title: ['d.title'],
  customer: ['c.name_sort'],
  updatedAt: ['d.updated_at'],
  // Sorted in JS once scored (see DealService.list); the board order keeps ties stable.
  winProbability: ['s.position', 'd.position'],
};

export class DealReader {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number,
  ) {}

  one(id: number): DealRecord | undefined {
    return this.sqlite
      .prepare(
        `SELECT ${DEAL_COLUMNS} FROM deals d JOIN customers c ON c.id = d.customer_id
        JOIN deal_stages s ON s.id = d.stage_id WHERE d.id = ? AND d.deleted_at IS NULL`,
      )
      .get(id) as DealRecord | undefined;
  }

  /** The deal even in the trash (restore reads it there). */
  anyState(id: number): { id: number; deletedAt: number | null; status: DealStatus } | undefined {
    return this.sqlite
      .prepare('SELECT id, deleted_at AS deletedAt, status FROM deals WHERE id = ?')
      .get(id) as { id: number; deletedAt: number | null; status: DealStatus } | undefined;
  }

  list(input: ListInput): { rows: DealRecord[]; total: number } {
    const { where, params } = this.filters(input);
    const total = (
      this.sqlite.prepare(`SELECT count(*) AS n ${DEAL_FROM} ${where}`).get(params) as { n: number }
    ).n;
    const direction = input.direction === 'desc' ? 'DESC' : 'ASC';
    const order = SORT_SQL[input.sort].map((term) => `${term} ${direction}`).join(', ');
    const rows = this.sqlite
      .prepare(
        `SELECT ${DEAL_COLUMNS} ${DEAL_FROM} ${where} ORDER BY ${order}, d.id ${direction} LIMIT @limit`,
      )
      .all({ ...params, limit: input.limit }) as DealRecord[];
    return { rows, total };
  }

  private filters(input: ListInput): { where: string; params: Record<string, unknown> } {
    const terms: string[] = [];
    const params: Record<string, unknown> = {};
    const inList = (column: string, name: string, values: readonly unknown[]) => {
      const names = values.map((value, i) => {
        params[`${name}${i}`] = value;
        return `@${name}${i}`;
      });
      terms.push(`${column} IN (${names.join(', ')})`);
    };
    inList('d.status', 'status', input.statuses);
    if (input.stageIds?.length) inList('d.stage_id', 'stage', input.stageIds);
    if (input.sources?.length) inList('d.source', 'source', input.sources);
    if (input.customerId !== undefined) {
      terms.push('d.customer_id = @customerId');
      params.customerId = input.customerId;
    }
    if (input.valueMinCents !== undefined) {
      terms.push('d.value_cents >= @valueMin');
      params.valueMin = input.valueMinCents;
    }
    if (input.valueMaxCents !== undefined) {
      terms.push('d.value_cents <= @valueMax');
      params.valueMax = input.valueMaxCents;
    }
    if (input.closeMonth !== undefined) {
      terms.push('substr(d.expected_close, 1, 7) = @closeMonth');
      params.closeMonth = input.closeMonth;
    }
    if (input.staleDays !== undefined) {
      terms.push('max(d.last_activity_at, coalesce(c.last_contact_at, 0)) <= @staleBefore');
      params.staleBefore = this.now() - input.staleDays * DAY_MS;
    }
    if (input.text) {
      terms.push(
        "(d.title LIKE @text ESCAPE '\\' OR c.name LIKE @text ESCAPE '\\' OR c.company LIKE @text ESCAPE '\\')",
      );
      params.text = `%${input.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    }
    return { where: terms.map((term) => `AND ${term}`).join(' '), params };
  }
}

/** The contract's deal: days in stage and overdue as of `now`, P(win) when a model scored it. */
export function toDeal(
  row: DealRecord,
  now: number,
  score: { probability: number; reasons: WinReason[] } | undefined,
): Deal {
  const today = localDate(now);
  return {
    id: row.id,
    uid: row.uid,
    title: row.title,
    customerId: row.customerId,
    customerName: row.customerName,
    customerCompany: row.customerCompany,
    valueCents: row.valueCents,
    currency: row.currency,
    stageId: row.stageId,
    probability: probabilityOf(row),
    probabilityOverridden: row.ownProbability !== null,
    expectedClose: row.expectedClose,
    source: row.source,
    nextStep: row.nextStep,
    nextStepDate: row.nextStepDate,
    notes: row.notes,
    status: row.status,
    lostReason: row.lostReason,
    closedOn: row.closedOn,
    orderId: row.orderId,
    position: row.position,
    stageEnteredAt: toIso(row.stageEnteredAt),
    lastActivityAt: toIso(row.lastActivityAt),
    daysInStage: Math.max(0, Math.floor(((row.closedAt ?? now) - row.stageEnteredAt) / DAY_MS)),
    nextStepOverdue: row.status === 'open' && row.nextStepDate !== null && row.nextStepDate < today,
    winProbability: row.status === 'open' && score ? score.probability : null,
    winReasons: row.status === 'open' && score ? score.reasons : [],
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}
