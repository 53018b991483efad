import type { HandlerSlice } from '../backend/dispatcher';
import type { SavedViewService } from './service';

export function viewHandlers(
  views: SavedViewService,
): HandlerSlice<'views.list' | 'views.create' | 'views.update' | 'views.delete'> {
  return {
    'views.list': () => views.list(),
    'views.create': (input) => views.create(input),
    'views.update': (input) => views.update(input),
    'views.delete': ({ id }) => views.delete(id),
  };
}
