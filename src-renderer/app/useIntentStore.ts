import { create } from 'zustand';

/**
 * Requests that cross pages: the command palette asks for "new customer"; the customer list
 * (which owns that form) shows it while the request is pending and takes it when the form closes.
 */
interface IntentState {
  newCustomerPending: boolean;
  requestNewCustomer: () => void;
  takeNewCustomer: () => void;
}

export const useIntentStore = create<IntentState>()((set) => ({
  newCustomerPending: false,
  requestNewCustomer: () => set({ newCustomerPending: true }),
  takeNewCustomer: () => set({ newCustomerPending: false }),
}));
