import { useCustomerOptions, type CustomerOptions } from './useCustomerOptions';

/**
 * The customer options (currency, sources, stages, tags, custom fields) through a selector, the way
 * stores are read. They live in the Settings stores; this only picks from `useCustomerOptions`.
 */
export function useCustomerOptionsStore<T>(selector: (options: CustomerOptions) => T): T {
  return selector(useCustomerOptions());
}
