import type { HandlerSlice } from '../backend/dispatcher';
import type { ActivityDeps } from './context';
import { ConversationService } from './conversations';
import { FeedbackService } from './feedback';
import { OrderService } from './orders';
import { readOverview } from './overview';
import { Timeline } from './timeline';

export function activityHandlers(
  deps: ActivityDeps,
): HandlerSlice<
  | 'customers.overview'
  | 'customers.timeline'
  | 'orders.create'
  | 'orders.update'
  | 'orders.delete'
  | 'orders.restore'
  | 'conversations.create'
  | 'conversations.update'
  | 'conversations.delete'
  | 'conversations.restore'
  | 'feedback.create'
  | 'feedback.delete'
  | 'feedback.restore'
  | 'feedback.summary'
> {
  const orders = new OrderService(deps);
  const conversations = new ConversationService(deps);
  const feedback = new FeedbackService(deps);
  const timeline = new Timeline(deps.sqlite, deps.db);
  return {
    'customers.overview': ({ id }) => readOverview(deps, feedback, id),
    'customers.timeline': (input) => timeline.read(input),
    'orders.create': (input) => orders.create(input),
    'orders.update': ({ id, patch }) => orders.update(id, patch),
    'orders.delete': ({ id }) => orders.delete(id),
    'orders.restore': ({ id }) => orders.restore(id),
    'conversations.create': (input) => conversations.create(input),
    'conversations.update': ({ id, patch }) => conversations.update(id, patch),
    'conversations.delete': ({ id }) => conversations.delete(id),
    'conversations.restore': ({ id }) => conversations.restore(id),
    'feedback.create': (input) => feedback.create(input),
    'feedback.delete': ({ id }) => feedback.delete(id),
    'feedback.restore': ({ id }) => feedback.restore(id),
    'feedback.summary': (input) => feedback.summary(input),
  };
}
