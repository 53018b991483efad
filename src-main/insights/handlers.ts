import type { HandlerSlice } from '../backend/dispatcher';
import type { AnalyticsService } from './service';

type AnalyticsChannel =
  'analytics.run' | 'analytics.latest' | 'analytics.customers' | 'analytics.customer' | 'analytics.dashboard';

export function analyticsHandlers(analytics: AnalyticsService): HandlerSlice<AnalyticsChannel> {
  return {
    'analytics.run': (input) => analytics.run(input),
    'analytics.latest': () => analytics.latest(),
    'analytics.customers': (query) => analytics.customers(query),
    'analytics.customer': ({ customerId }) => analytics.customer(customerId),
    'analytics.dashboard': () => analytics.dashboard(),
  };
}
