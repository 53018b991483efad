import type { CustomerOverview } from '../../src-shared/contract';
import { readCustomer } from '../customers/read';
import type { ActivityDeps } from './context';
import type { FeedbackService } from './feedback';

const DAY_MS = 86_400_000;

/** Everything the customer page's header shows, for a customer in the trash or not. */
export function readOverview(deps: ActivityDeps, feedback: FeedbackService, id: number): CustomerOverview {
  const customer = readCustomer(deps.db, id);
  const currency = deps.settings.get().currency;
  const revenueByCurrency = deps.sqlite
    .prepare(
      `SELECT currency, sum(amount_cents) AS cents, count(*) AS orders FROM orders
       WHERE customer_id = ? AND status = 'paid' AND deleted_at IS NULL
       GROUP BY currency ORDER BY cents DESC, currency`,
    )
    .all(id) as CustomerOverview['revenueByCurrency'];
  const home = revenueByCurrency.find((entry) => entry.currency === currency);
  const lastContact = customer.stats.lastContactAt === null ? null : Date.parse(customer.stats.lastContactAt);
  return {
    customer,
    averageOrderCents: home ? Math.round(home.cents / home.orders) : null,
    // A conversation logged ahead of time (a meeting planned tomorrow) counts as contact today, not as -1 days.
    daysSinceLastContact:
      lastContact === null ? null : Math.max(0, Math.floor((deps.clock.now() - lastContact) / DAY_MS)),
    revenueByCurrency,
    feedback: feedback.summary({ customerId: id }),
  };
}
