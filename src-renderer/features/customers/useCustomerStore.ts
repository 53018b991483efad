import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  BulkAction,
  Customer,
  CustomerFieldsInput,
  CustomerFilters,
  CustomerRowView,
  CustomerSort,
  SavedView,
  SavedViewDefinition,
} from '../../../src-shared/contract';
import { toApiError, type ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { showToast } from '../../components/useToastStore';
import type { MessageKey } from '../../i18n/useI18n';
import { columnsExplaining } from './analyticsColumnIds';
import { DEFAULT_COLUMNS, withName } from './customerColumns';
import { customerListSlice, type CustomerListState } from './customerListSlice';

export interface CustomerState extends CustomerListState {
  /** Visible column ids in display order (built-in names or `custom.<fieldId>`). */
  columns: string[];
  /** The saved view the list was opened from; its definition may since have been changed. */
  activeViewId: number | null;
  selectedIds: ReadonlySet<number>;
  /** Everything the current filters match is selected (bulk actions then target the filters). */
  allMatching: boolean;
  setColumns: (columns: string[]) => void;
  /** Opens a saved view (null: the plain list with the default columns). */
  openView: (view: SavedView | null) => void;
  /**
   * The customers behind a figure (a segment, a cluster, a risk level): the plain list under these
   * filters, with the columns that show why each customer is there.
   */
  showMatching: (filters: CustomerFilters, sort?: CustomerSort) => void;
  toggleSelected: (id: number) => void;
  /** Header checkbox: select all matching, or clear any selection. */
  toggleAllMatching: () => void;
  clearSelection: () => void;
  /** Applies to the selection; offers Undo; failures become an error toast. */
  bulk: (action: BulkAction) => Promise<void>;
  /** Rejects with an ApiError (VALIDATION issues go onto the form's fields). */
  create: (fields: CustomerFieldsInput) => Promise<Customer>;
  update: (id: number, patch: Partial<CustomerFieldsInput>) => Promise<Customer>;
  /** Moves to the trash and offers Undo; failures become an error toast. */
  moveToTrash: (customer: Pick<CustomerRowView, 'id' | 'name'>) => Promise<void>;
  restore: (customer: Pick<CustomerRowView, 'id' | 'name'>) => Promise<void>;
  /** Fills an empty database with the seeded demo set (first run only); failures become an error toast. */
  loadDemo: () => Promise<void>;
}

/** Enough to look around: a few hundred customers with orders and conversations. */
const DEMO_CUSTOMERS = 300;

/** What a saved view stores of the current list. */
export const currentDefinition = (
  s: Pick<CustomerState, 'filters' | 'sort' | 'columns'>,
): SavedViewDefinition => ({
  filters: s.filters,
  sort: s.sort ?? null,
  columns: s.columns,
});

function toastError(error: unknown): void {
  showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
}

/** "1 customer" reads differently from "3 customers" in English; Chinese uses the same words. */
function bulkMessage(action: BulkAction, count: number): MessageKey {
  const plural = count === 1 ? 'one' : 'other';
  return action.type === 'trash'
    ? `customerList.bulk.trashed.${plural}`
    : `customerList.bulk.updated.${plural}`;
}

const NO_SELECTION = { selectedIds: new Set<number>(), allMatching: false };

export function createCustomerStore(api: ApiClient) {
  return createStore<CustomerState>()((set, get) => {
    const list = customerListSlice(api, 'active', set, get);

    const restore = async (customer: Pick<CustomerRowView, 'id' | 'name'>) => {
      try {
        const restored = await api.invoke('customers.restore', { id: customer.id });
        showToast({ message: 'customers.toast.restored', params: { name: restored.name } });
      } catch (error) {
        toastError(error);
      }
      await get().load();
    };

    const undoBatch = async (batchId: number) => {
      try {
        const { restored } = await api.invoke('batches.undo', { batchId });
        showToast({ message: 'customerList.bulk.undone', params: { count: restored } });
      } catch (error) {
        toastError(error);
      }
      await get().load();
    };

    return {
      ...list,
      columns: DEFAULT_COLUMNS,
      activeViewId: null,
      ...NO_SELECTION,

      // Other filters match other customers: a selection made under the old ones no longer means anything.
      setFilters: (filters) => {
        set(NO_SELECTION);
        list.setFilters(filters);
      },
      setColumns: (columns) => set({ columns: withName(columns) }),
      openView: (view) => {
        const definition = view?.definition;
        set({
          ...NO_SELECTION,
          activeViewId: view?.id ?? null,
          columns: definition?.columns.length ? withName(definition.columns) : DEFAULT_COLUMNS,
          // Sort and filters in one reset, so the list is fetched once.
          sort: definition?.sort ?? undefined,
        });
        list.setFilters(definition?.filters ?? {});
      },
      showMatching: (filters, sort) => {
        // Right after the name, where they are seen without scrolling sideways.
        const explaining: string[] = columnsExplaining(filters);
        set({
          ...NO_SELECTION,
          activeViewId: null,
          columns: withName([...explaining, ...get().columns.filter((id) => !explaining.includes(id))]),
          sort,
        });
        list.setFilters(filters);
      },

      toggleSelected: (id) => {
        const selectedIds = new Set(get().selectedIds);
        if (!selectedIds.delete(id)) selectedIds.add(id);
        set({ selectedIds, allMatching: false });
      },
      toggleAllMatching: () => {
        const { allMatching, selectedIds } = get();
        set(allMatching || selectedIds.size > 0 ? NO_SELECTION : { allMatching: true });
      },
      clearSelection: () => set(NO_SELECTION),

      bulk: async (action) => {
        const { allMatching, selectedIds, filters } = get();
        const target = allMatching ? { filters } : { ids: [...selectedIds] };
        try {
          const result = await api.invoke('customers.bulk', { target, action });
          set(NO_SELECTION);
          showToast({
            message: bulkMessage(action, result.affected),
            params: { count: result.affected },
            action: { label: 'common.undo', run: () => undoBatch(result.batchId) },
          });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },

      create: async (fields) => {
        const created = await api.invoke('customers.create', fields);
        showToast({ message: 'customers.toast.created', params: { name: created.name } });
        void get().load();
        return created;
      },

      update: async (id, patch) => {
        const updated = await api.invoke('customers.update', { id, patch });
        showToast({ message: 'customers.toast.updated', params: { name: updated.name } });
        void get().load();
        return updated;
      },

      moveToTrash: async (customer) => {
        try {
          await api.invoke('customers.delete', { id: customer.id });
          showToast({
            message: 'customers.toast.trashed',
            params: { name: customer.name },
            action: { label: 'common.undo', run: () => restore(customer) },
          });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },

      restore,

      loadDemo: async () => {
        try {
          const loaded = await api.invoke('demo.load', { customers: DEMO_CUSTOMERS });
          showToast({ message: 'customerList.demo.loaded', params: { count: loaded.customers } });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },
    };
  });
}

export function useCustomerStore<T>(selector: (state: CustomerState) => T): T {
  return useStore(useAppStores().customers, selector);
}
