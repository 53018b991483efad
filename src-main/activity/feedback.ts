import { eq } from 'drizzle-orm';
import type { FeedbackEntry, FeedbackSummary, ParsedInput } from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { invalidFields, notFound } from '../core/errors';
import type { Db } from '../db/open';
import { customers, feedback, type FeedbackRow } from '../db/schema';
import { ActivityService } from './activityService';
import { epochOf, type ActivityDeps } from './context';

type FeedbackFields = ParsedInput<'feedback.create'>;
type SummaryInput = ParsedInput<'feedback.summary'>;

interface SummaryCounts {
  csat: number;
  satisfied: number;
  nps: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** CSAT (1–5) and NPS (0–10) answers; they feed the summary, not the customer's derived columns. */
export class FeedbackService extends ActivityService<FeedbackEntry> {
  private readonly summaryStatement;

  constructor(deps: ActivityDeps) {
    super(deps, { table: 'feedback', noun: 'Feedback', feedsStats: false, read: readFeedback });
    // Per customer: all of that customer's answers. Overall: only customers outside the trash,
    // like every other list; answers in the trash never count. `from` inclusive, `to` exclusive.
    this.summaryStatement = deps.sqlite.prepare(
      `SELECT
         coalesce(sum(f.kind = 'csat'), 0) AS csat,
         coalesce(sum(f.kind = 'csat' AND f.score >= 4), 0) AS satisfied,
         coalesce(sum(f.kind = 'nps'), 0) AS nps,
         coalesce(sum(f.kind = 'nps' AND f.score >= 9), 0) AS promoters,
         coalesce(sum(f.kind = 'nps' AND f.score BETWEEN 7 AND 8), 0) AS passives,
         coalesce(sum(f.kind = 'nps' AND f.score <= 6), 0) AS detractors
       FROM feedback f JOIN customers c ON c.id = f.customer_id
       WHERE f.deleted_at IS NULL
         AND (@customerId IS NULL AND c.deleted_at IS NULL OR f.customer_id = @customerId)
         AND (@from IS NULL OR f.answered_at >= @from)
         AND (@to IS NULL OR f.answered_at < @to)`,
    );
  }

  create(fields: FeedbackFields): FeedbackEntry {
    return this.insertFor(fields.customerId, (base) => {
      const row = this.deps.db
        .insert(feedback)
        .values({
          ...base,
          kind: fields.kind,
          score: fields.score,
          answeredAt: epochOf(fields.answeredAt),
          comment: fields.comment,
        })
        .returning({ id: feedback.id })
        .get();
      return row.id;
    });
  }

  summary(input: SummaryInput): FeedbackSummary {
    const from = input.from === undefined ? null : epochOf(input.from);
    const to = input.to === undefined ? null : epochOf(input.to);
    if (from !== null && to !== null && to <= from) {
      throw invalidFields([
        { path: 'to', code: 'invalid', message: 'The end of the period must come after its start' },
      ]);
    }
    if (input.customerId !== undefined) {
      const exists = this.deps.db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.id, input.customerId))
        .get();
      if (!exists) throw notFound('Customer', input.customerId);
    }
    const counts = this.summaryStatement.get({
      customerId: input.customerId ?? null,
      from,
      to,
    }) as SummaryCounts;
    return summarize(counts);
  }
}

/** CSAT% = satisfied (4–5) / answers × 100; NPS = % promoters − % detractors; null without answers. */
export function summarize(counts: SummaryCounts): FeedbackSummary {
  return {
    csat: {
      responses: counts.csat,
      satisfied: counts.satisfied,
      percent: counts.csat === 0 ? null : (counts.satisfied / counts.csat) * 100,
    },
    nps: {
      responses: counts.nps,
      promoters: counts.promoters,
      passives: counts.passives,
      detractors: counts.detractors,
      score: counts.nps === 0 ? null : ((counts.promoters - counts.detractors) / counts.nps) * 100,
    },
  };
}

export function toFeedbackEntry(row: FeedbackRow): FeedbackEntry {
  return {
    id: row.id,
    uid: row.uid,
    customerId: row.customerId,
    kind: row.kind,
    score: row.score,
    answeredAt: toIso(row.answeredAt),
    comment: row.comment,
    createdAt: toIso(row.createdAt),
  };
}

export function readFeedback(db: Db, id: number): FeedbackEntry {
  const row = db.select().from(feedback).where(eq(feedback.id, id)).get();
  if (!row) throw notFound('Feedback', id);
  return toFeedbackEntry(row);
}
