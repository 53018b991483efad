import type { HandlerSlice } from '../backend/dispatcher';
import { OrderService } from '../activity/orders';
import type { ActivityDeps } from '../activity/context';
import { dealForecast } from './forecast';
import { DealService } from './service';
import { DealStageService } from './stages';
import { WinScorer } from './winScores';

type DealChannel =
  | 'deals.list'
  | 'deals.get'
  | 'deals.create'
  | 'deals.update'
  | 'deals.move'
  | 'deals.close'
  | 'deals.reopen'
  | 'deals.delete'
  | 'deals.bulk'
  | 'deals.restore'
  | 'deals.forecast'
  | 'deals.model'
  | 'dealStages.list'
  | 'dealStages.create'
  | 'dealStages.update'
  | 'dealStages.reorder'
  | 'dealStages.remove';

export function dealHandlers(deps: ActivityDeps): HandlerSlice<DealChannel> {
  const now = () => deps.clock.now();
  const stages = new DealStageService(deps);
  const scorer = new WinScorer(deps.sqlite, now);
  const deals = new DealService({ ...deps, stages, scorer, orders: new OrderService(deps) });
  return {
    'deals.list': (input) => deals.list(input),
    'deals.get': ({ id }) => deals.get(id),
    'deals.create': (input) => deals.create(input),
    'deals.update': ({ id, patch }) => deals.update(id, patch),
    'deals.move': ({ id, stageId, beforeId }) => deals.move(id, stageId, beforeId),
    'deals.close': (input) => deals.close(input),
    'deals.reopen': ({ id }) => deals.reopen(id),
    'deals.delete': ({ id }) => deals.delete(id),
    'deals.bulk': (input) => ({ changed: deals.bulk(input) }),
    'deals.restore': ({ id }) => deals.restore(id),
    'deals.forecast': ({ staleDays }) => {
      const settings = deps.settings.get();
      const days = staleDays ?? settings.dealStaleDays;
      return dealForecast(deps.sqlite, {
        now: now(),
        currency: settings.currency,
        staleDays: days,
        stale: deals.list({
          statuses: ['open'],
          staleDays: days,
          sort: 'daysInStage',
          direction: 'desc',
          limit: 50,
        }).deals,
        model: scorer.status(),
      });
    },
    'deals.model': () => scorer.status(),
    'dealStages.list': () => stages.list(),
    'dealStages.create': (input) => stages.create(input),
    'dealStages.update': ({ id, patch }) => stages.update(id, patch),
    'dealStages.reorder': ({ ids }) => stages.reorder(ids),
    'dealStages.remove': ({ id, moveTo }) => stages.remove(id, moveTo, (from, to) => deals.moveAll(from, to)),
  };
}
