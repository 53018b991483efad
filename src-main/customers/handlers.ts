import type { HandlerSlice } from '../backend/dispatcher';
import type { CustomerService } from './service';

export function customerHandlers(
  service: CustomerService,
): HandlerSlice<
  | 'customers.create'
  | 'customers.update'
  | 'customers.get'
  | 'customers.list'
  | 'customers.delete'
  | 'customers.restore'
> {
  return {
    'customers.create': (input) => service.create(input),
    'customers.update': ({ id, patch }) => service.update(id, patch),
    'customers.get': ({ id }) => service.get(id),
    'customers.list': (query) => service.list(query),
    'customers.delete': ({ id }) => service.delete(id),
    'customers.restore': ({ id }) => service.restore(id),
  };
}
