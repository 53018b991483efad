import { DAY_MS } from '../analytics/history';
import { localDate, startOfLocalDay } from '../core/localDate';

export interface AsOf {
  /** Orders before this instant count. */
  instant: number;
  /** The day shown as "as of" (`YYYY-MM-DD`, local). */
  day: string;
  source: 'today' | 'last_order' | 'given';
}

/** A history whose latest order is older than this is analysed as of that order, not as of today. */
const HISTORICAL_AFTER_DAYS = 365;

/**
 * The as-of instant (decision 38): the day the owner gave (orders before it count); else now,
 * unless the data is historical (no order in the last year: an imported 2011 file), where
 * "today" would make every customer lost: then the day after the latest order, as the RFM
 * literature does (Online Retail: 2011-12-10).
 */
export function chooseAsOf(given: string | undefined, now: number, lastOrderAt: number | null): AsOf {
  if (given !== undefined) return { instant: startOfLocalDay(given), day: given, source: 'given' };
  if (lastOrderAt !== null && now - lastOrderAt > HISTORICAL_AFTER_DAYS * DAY_MS) {
    const last = new Date(lastOrderAt);
    const instant = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1).getTime();
    return { instant, day: localDate(instant), source: 'last_order' };
  }
  return { instant: now, day: localDate(now), source: 'today' };
}
