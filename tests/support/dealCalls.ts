import Database from 'better-sqlite3';
import type {
  Customer,
  Deal,
  DealDetail,
  DealForecast,
  DealStage,
  TimelineItem,
} from '../../src-shared/contract';
import { caller } from './envelopes';
import { openTempBackend, useTempBackend, type TempBackend } from './tempBackend';

/** The pipeline's test bench (tests/integration/deals*.test.ts): a real backend and its pipeline calls. */

export const DAY_MS = 86_400_000;

/** What the file holds of the pipeline: a refused call must leave every one of these as it was. */
export interface PipelineRows {
  deals: number;
  history: number;
  events: number;
  orders: number;
  stages: number;
  /** Every deal's stage, status and value, so a half-done change shows. */
  state: string;
}

/** The pipeline's calls on a fresh backend, closed and removed when the test finishes. */
export const useDeals = () => dealCallsOn(useTempBackend());

/** The same for a whole describe block (beforeAll): the caller runs `t.cleanup()` in afterAll. */
export const openDeals = () => dealCallsOn(openTempBackend());

function dealCallsOn(t: TempBackend) {
  const call = caller(() => t.backend);
  const dispatch = (channel: string, input?: unknown) => t.backend.dispatch(channel, input);

  const stages = () => call<DealStage[]>('dealStages.list');
  /** The id of a built-in stage by its key (`lead` … `contract`). */
  const stageId = async (key: string) => {
    const found = (await stages()).find((stage) => stage.key === key);
    if (!found) throw new Error(`no stage ${key}`);
    return found.id;
  };
  const customer = (name = '张三', fields: object = {}) =>
    call<Customer>('customers.create', { name, ...fields });
  const deal = (customerId: number, fields: object = {}) =>
    call<Deal>('deals.create', { customerId, title: 'Tea for the office', valueCents: 100_000, ...fields });
  const move = (id: number, stageId: number, beforeId?: number | null) =>
    call<Deal>('deals.move', { id, stageId, ...(beforeId === undefined ? {} : { beforeId }) });
  const get = (id: number) => call<DealDetail>('deals.get', { id });
  const list = (input: object = {}) => call<{ deals: Deal[]; total: number }>('deals.list', input);
  const forecast = (input: object = {}) => call<DealForecast>('deals.forecast', input);
  /** The deal events on the customer's timeline, oldest first. */
  const dealEvents = async (customerId: number) => {
    const page = await call<{ items: TimelineItem[] }>('customers.timeline', {
      customerId,
      kinds: ['event'],
      limit: 200,
    });
    return page.items
      .flatMap((item) => (item.kind === 'event' && item.event.kind.startsWith('deal_') ? [item] : []))
      .reverse();
  };

  /** A read-only look at the file, for what no channel shows whole (row counts). */
  const rows = (): PipelineRows => {
    const sqlite = new Database(t.dbFile, { readonly: true });
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const read = {
      deals: count('SELECT count(*) AS n FROM deals'),
      history: count('SELECT count(*) AS n FROM deal_stage_history'),
      events: count("SELECT count(*) AS n FROM customer_events WHERE kind LIKE 'deal_%'"),
      orders: count('SELECT count(*) AS n FROM orders'),
      stages: count('SELECT count(*) AS n FROM deal_stages WHERE removed_at IS NULL'),
      state: JSON.stringify(
        sqlite
          .prepare('SELECT id, stage_id, status, value_cents, position, closed_on FROM deals ORDER BY id')
          .all(),
      ),
    };
    sqlite.close();
    return read;
  };

  return { t, call, dispatch, stages, stageId, customer, deal, move, get, list, forecast, dealEvents, rows };
}

export const isoAt = (epochMs: number) => new Date(epochMs).toISOString();
