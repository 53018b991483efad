import type { HandlerSlice } from '../backend/dispatcher';
import type { CustomFieldService } from './customFields';
import type { TagService } from './tags';

export function organizeHandlers(
  tags: TagService,
  fields: CustomFieldService,
): HandlerSlice<
  | 'tags.list'
  | 'tags.create'
  | 'tags.update'
  | 'tags.delete'
  | 'tags.restore'
  | 'customFields.list'
  | 'customFields.create'
  | 'customFields.update'
  | 'customFields.delete'
  | 'customFields.restore'
> {
  return {
    'tags.list': () => tags.list(),
    'tags.create': (input) => tags.create(input),
    'tags.update': (input) => tags.update(input),
    'tags.delete': ({ id }) => tags.delete(id),
    'tags.restore': ({ id }) => tags.restore(id),
    'customFields.list': () => fields.list(),
    'customFields.create': (input) => fields.create(input),
    'customFields.update': (input) => fields.update(input),
    'customFields.delete': ({ id }) => fields.delete(id),
    'customFields.restore': ({ id }) => fields.restore(id),
  };
}
