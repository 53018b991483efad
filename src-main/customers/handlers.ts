import type { HandlerSlice } from '../backend/dispatcher';
import type { Db } from '../db/open';
import { listCustomers } from './listQuery';
import type { CustomerSearch } from './search';
import type { CustomerService } from './service';

export function customerHandlers(
  service: CustomerService,
  search: CustomerSearch,
  db: Db,
): HandlerSlice<
  | 'customers.create'
  | 'customers.update'
  | 'customers.get'
  | 'customers.list'
  | 'customers.delete'
  | 'customers.restore'
  | 'customers.purge'
  | 'customers.search'
> {
  return {
    'customers.create': (input) => service.create(input),
    'customers.update': ({ id, patch }) => service.update(id, patch),
    'customers.get': ({ id }) => service.get(id),
    'customers.list': (query) => listCustomers(db, query),
    'customers.delete': ({ id }) => service.delete(id),
    'customers.restore': ({ id }) => service.restore(id),
    'customers.purge': ({ olderThanDays }) => service.purge(olderThanDays),
    'customers.search': ({ query, limit }) => search.search(query, limit),
  };
}
