import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ChannelInput, DEAL_OUTCOMES, Deal, DealDetail, SearchHit } from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

/** Where a new deal starts: the customer page fills the customer, a board column its stage. */
export interface NewDealSeed {
  customerId?: number;
  customerName?: string;
  stageId?: number;
}

/**
 * The deal dialogs any page can open (the board, the list, the forecast, a customer page): one deal
 * being edited, one being closed as won or lost, one being created. Their changes reach every page
 * through the `data.changed` push, so this store only talks to the server and says what happened.
 */
export interface DealEditorState {
  openId: number | null;
  detail: DealDetail | null;
  loading: boolean;
  error: ApiError | null;
  closing: { deal: Deal; outcome: DealOutcome } | null;
  creating: NewDealSeed | null;
  open: (id: number) => Promise<void>;
  dismiss: () => void;
  askClose: (deal: Deal, outcome: DealOutcome) => void;
  cancelClose: () => void;
  startNew: (seed: NewDealSeed) => void;
  cancelNew: () => void;
  /** These reject with an ApiError so a form can show VALIDATION issues at its fields. */
  create: (input: ChannelInput<'deals.create'>) => Promise<Deal>;
  update: (id: number, patch: ChannelInput<'deals.update'>['patch']) => Promise<Deal>;
  close: (input: ChannelInput<'deals.close'>) => Promise<void>;
  reopen: (id: number) => Promise<void>;
  /** To the trash, with Undo in the toast. */
  remove: (deal: Deal) => Promise<void>;
  /** The new-deal form's customer picker: the same search as the palette (any fragment, pinyin). */
  searchCustomers: (query: string) => Promise<SearchHit[]>;
}

export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

const toastError = (error: unknown) =>
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });

export function createDealEditorStore(api: ApiClient) {
  let latest = 0;
  let refresh: () => Promise<void> = async () => {};
  const store = createStore<DealEditorState>()((set, get) => {
    refresh = async () => {
      const id = get().openId;
      if (id === null) return;
      const request = ++latest;
      try {
        const detail = await api.invoke('deals.get', { id });
        if (request === latest) set({ detail, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };
    return {
      openId: null,
      detail: null,
      loading: false,
      error: null,
      closing: null,
      creating: null,
      open: async (id) => {
        set({ openId: id, detail: null, loading: true, error: null });
        await refresh();
      },
      dismiss: () => {
        latest++;
        set({ openId: null, detail: null, loading: false, error: null });
      },
      askClose: (deal, outcome) => set({ closing: { deal, outcome } }),
      cancelClose: () => set({ closing: null }),
      startNew: (seed) => set({ creating: seed }),
      cancelNew: () => set({ creating: null }),
      create: async (input) => {
        const deal = await api.invoke('deals.create', input);
        showToast({ message: 'pipeline.toast.created', params: { title: deal.title } });
        set({ creating: null });
        return deal;
      },
      update: async (id, patch) => {
        const deal = await api.invoke('deals.update', { id, patch });
        showToast({ message: 'pipeline.toast.updated', params: { title: deal.title } });
        await refresh();
        return deal;
      },
      close: async (input) => {
        const { deal, orderId } = await api.invoke('deals.close', input);
        showToast({
          message:
            deal.status === 'won'
              ? orderId !== null
                ? 'pipeline.toast.wonWithOrder'
                : 'pipeline.toast.won'
              : 'pipeline.toast.lost',
          params: { title: deal.title },
        });
        set({ closing: null });
        await refresh();
      },
      reopen: async (id) => {
        try {
          const deal = await api.invoke('deals.reopen', { id });
          showToast({ message: 'pipeline.toast.reopened', params: { title: deal.title } });
        } catch (error) {
          toastError(error);
        }
        await refresh();
      },
      remove: async (deal) => {
        try {
          await api.invoke('deals.delete', { id: deal.id });
          if (get().openId === deal.id) get().dismiss();
          showToast({
            message: 'pipeline.toast.deleted',
            params: { title: deal.title },
            action: {
              label: 'common.undo',
              run: async () => {
                try {
                  await api.invoke('deals.restore', { id: deal.id });
                  showToast({ message: 'pipeline.toast.restored', params: { title: deal.title } });
                } catch (error) {
                  toastError(error);
                }
              },
            },
          });
        } catch (error) {
          toastError(error);
        }
      },
      searchCustomers: async (query) => (await api.invoke('customers.search', { query, limit: 8 })).hits,
    };
  });
  // Another door may change the open deal: show its new state (a deleted one shows NOT_FOUND).
  api.onEvent((event) => {
    if (event.type === 'data.changed' && event.payload.entity === 'deals') void refresh();
  });
  return store;
}

export function useDealEditorStore<T>(selector: (state: DealEditorState) => T): T {
  return useStore(useAppStores().dealEditor, selector);
}
