import { useCallback } from 'react';
import type { CustomerFilters, CustomerSort } from '../../../src-shared/contract';
import { useRouteStore } from '../../app/useRouteStore';
import { useCustomerStore } from '../customers/useCustomerStore';

/**
 * Opens the customer list on the customers behind a figure: there the owner tags them, changes
 * their stage or exports them with the list's own bulk actions.
 */
export function useOpenCustomerList(): (filters: CustomerFilters, sort?: CustomerSort) => void {
  const showMatching = useCustomerStore((s) => s.showMatching);
  const navigate = useRouteStore((s) => s.navigate);
  return useCallback(
    (filters, sort) => {
      showMatching(filters, sort);
      navigate('customers');
    },
    [showMatching, navigate],
  );
}
