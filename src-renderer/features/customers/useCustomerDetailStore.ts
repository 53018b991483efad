import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  ChannelInput,
  ChannelOutput,
  Conversation,
  CustomerOverview,
  CustomerScores,
  FeedbackEntry,
  Order,
  TimelineItem,
  TimelineKind,
} from '../../../src-shared/contract';
import { toApiError, type ApiClient, type ApiError } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';

const PAGE = 50;
/** The most a refresh refetches at once (the contract's limit): deeper pages load again on "show more". */
const MAX_REFRESH = 200;

export type DeletableItem = Extract<TimelineItem, { kind: 'order' | 'conversation' }>;

/** One customer's page: the header facts and the timeline, and the quick actions that change them. */
export interface CustomerDetailState {
  id: number | null;
  overview: CustomerOverview | null;
  /** The customer's figures in the latest analytics run; null before a run or without a paid order. */
  scores: CustomerScores | null;
  items: TimelineItem[];
  hasMore: boolean;
  /** Empty = every kind. */
  kinds: TimelineKind[];
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** Shows another customer (forgetting the last one's data) or refreshes the same one. */
  open: (id: number) => Promise<void>;
  refresh: () => Promise<void>;
  /** The page was left: stop refreshing a customer nobody looks at. */
  close: () => void;
  loadMore: () => Promise<void>;
  setKinds: (kinds: TimelineKind[]) => void;
  /** The quick stage select; failures become an error toast and the select shows the stored stage again. */
  setStage: (stage: string | null) => Promise<void>;
  /** These three reject with an ApiError, so the form can show VALIDATION issues at its fields. */
  logConversation: (input: ChannelInput<'conversations.create'>) => Promise<Conversation>;
  addOrder: (input: ChannelInput<'orders.create'>) => Promise<Order>;
  addFeedback: (input: ChannelInput<'feedback.create'>) => Promise<FeedbackEntry>;
  /** Deletes an order or conversation and offers Undo. */
  deleteItem: (item: DeletableItem) => Promise<void>;
  /** The customer form's live "possible duplicate" check while a new customer is typed. */
  checkDuplicates: (input: ChannelInput<'duplicates.check'>) => Promise<DuplicateMatches>;
}

export type DuplicateMatches = ChannelOutput<'duplicates.check'>;

function toastError(error: unknown): void {
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
}

export function createCustomerDetailStore(api: ApiClient) {
  // Pushes, "show more" and user actions overlap: only the newest request for the page may write it.
  let latest = 0;

  const store = createStore<CustomerDetailState>()((set, get) => {
    const timeline = (id: number, limit: number, before?: string) =>
      api.invoke('customers.timeline', {
        customerId: id,
        kinds: get().kinds.length > 0 ? get().kinds : undefined,
        before,
        limit,
      });

    const refresh = async () => {
      const id = get().id;
      if (id === null) return;
      const request = ++latest;
      set({ loading: true });
      try {
        const limit = Math.min(MAX_REFRESH, Math.max(PAGE, get().items.length));
        const [overview, page, scores] = await Promise.all([
          api.invoke('customers.overview', { id }),
          timeline(id, limit),
          api.invoke('analytics.customer', { customerId: id }),
        ]);
        if (request !== latest) return;
        set({ overview, scores, items: page.items, hasMore: page.hasMore, loading: false, error: null });
      } catch (error) {
        if (request === latest) set({ loading: false, error: toApiError(error) });
      }
    };

    const afterWrite =
      <T>(
        message:
          'customer.toast.conversationLogged' | 'customer.toast.orderAdded' | 'customer.toast.feedbackAdded',
      ) =>
      (result: T): T => {
        showToast({ message });
        void refresh();
        return result;
      };

    const undoable = async (
      remove: () => Promise<unknown>,
      restore: () => Promise<unknown>,
      message: 'customer.toast.orderDeleted' | 'customer.toast.conversationDeleted',
    ) => {
      try {
        await remove();
        showToast({
          message,
          action: {
            label: 'common.undo',
            run: async () => {
              try {
                await restore();
                showToast({ message: 'customer.toast.restored' });
              } catch (error) {
                toastError(error);
              }
              await refresh();
            },
          },
        });
      } catch (error) {
        toastError(error);
      }
      await refresh();
    };

    return {
      id: null,
      overview: null,
      scores: null,
      items: [],
      hasMore: false,
      kinds: [],
      loading: false,
      loadingMore: false,
      error: null,

      open: async (id) => {
        if (get().id !== id) {
          latest++;
          set({ id, overview: null, scores: null, items: [], hasMore: false, kinds: [], error: null });
        }
        await refresh();
      },

      refresh,

      close: () => {
        latest++;
        set({
          id: null,
          overview: null,
          scores: null,
          items: [],
          hasMore: false,
          loading: false,
          error: null,
        });
      },

      loadMore: async () => {
        const { id, items, hasMore, loadingMore } = get();
        const last = items.at(-1);
        if (id === null || !hasMore || loadingMore || !last) return;
        const request = latest;
        set({ loadingMore: true });
        try {
          const page = await timeline(id, PAGE, last.at);
          // A refresh in between replaced the list (and its paging): this page belongs to the old one.
          if (request !== latest) return set({ loadingMore: false });
          set({ items: [...get().items, ...page.items], hasMore: page.hasMore, loadingMore: false });
        } catch (error) {
          set({ loadingMore: false });
          toastError(error);
        }
      },

      setKinds: (kinds) => {
        set({ kinds, items: [], hasMore: false });
        void refresh();
      },

      setStage: async (stage) => {
        const { id, overview } = get();
        if (id === null || !overview) return;
        try {
          const customer = await api.invoke('customers.update', { id, patch: { stage } });
          showToast({ message: 'customers.toast.updated', params: { name: customer.name } });
        } catch (error) {
          toastError(error);
        }
        await refresh();
      },

      logConversation: (input) =>
        api
          .invoke('conversations.create', input)
          .then(afterWrite<Conversation>('customer.toast.conversationLogged')),
      addOrder: (input) =>
        api.invoke('orders.create', input).then(afterWrite<Order>('customer.toast.orderAdded')),
      addFeedback: (input) =>
        api.invoke('feedback.create', input).then(afterWrite<FeedbackEntry>('customer.toast.feedbackAdded')),

      deleteItem: (item) =>
        item.kind === 'order'
          ? undoable(
              () => api.invoke('orders.delete', { id: item.order.id }),
              () => api.invoke('orders.restore', { id: item.order.id }),
              'customer.toast.orderDeleted',
            )
          : undoable(
              () => api.invoke('conversations.delete', { id: item.conversation.id }),
              () => api.invoke('conversations.restore', { id: item.conversation.id }),
              'customer.toast.conversationDeleted',
            ),

      checkDuplicates: (input) => api.invoke('duplicates.check', input),
    };
  });

  // Another door, an undo or a merge may change this customer: refetch what the page shows. Deals
  // write the customer's timeline (created, moved, won with its order, lost).
  api.onEvent((event) => {
    if (event.type !== 'data.changed' || store.getState().id === null) return;
    if (['customers', 'tags', 'settings', 'analytics', 'deals'].includes(event.payload.entity)) {
      void store.getState().refresh();
    }
  });
  return store;
}

export function useCustomerDetailStore<T>(selector: (state: CustomerDetailState) => T): T {
  return useStore(useAppStores().customerDetail, selector);
}
