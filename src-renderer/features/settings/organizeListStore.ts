import { createStore } from 'zustand/vanilla';
import { toApiError, type ApiError } from '../../api';
import { showToast } from '../../components/useToastStore';
import type { MessageKey } from '../../i18n/useI18n';

/** The channels of one owner-defined list (tags, custom fields): all alike, soft delete + restore. */
export interface OrganizeListApi<Item, CreateInput, Patch> {
  list: () => Promise<Item[]>;
  create: (input: CreateInput) => Promise<Item>;
  update: (id: number, patch: Patch) => Promise<Item>;
  remove: (id: number) => Promise<Item>;
  restore: (id: number) => Promise<Item>;
}

export interface OrganizeListState<Item, CreateInput, Patch> {
  items: Item[];
  /** True once the list has arrived; until then pages show a loading state. */
  loaded: boolean;
  error: ApiError | null;
  load: () => Promise<void>;
  /**
   * Loads the list unless it has arrived or is on its way: the components of one page that all
   * need it mount together, and should share one request.
   */
  ensureLoaded: () => Promise<void>;
  /** Rejects with an ApiError, so a form can put VALIDATION and CONFLICT issues on its fields. */
  create: (input: CreateInput) => Promise<Item>;
  update: (id: number, patch: Patch) => Promise<Item>;
  /** Deletes (hides) and offers Undo; failures become an error toast. */
  remove: (item: Item) => Promise<void>;
}

/**
 * A store over one owner-defined list. Tags and custom field definitions use it; other pages
 * read it to offer them. Every change reloads the list, so counts and order come from the server.
 */
export function createOrganizeListStore<Item extends { id: number }, CreateInput, Patch>(
  api: OrganizeListApi<Item, CreateInput, Patch>,
  messages: { created: MessageKey; deleted: MessageKey },
  nameOf: (item: Item) => string,
) {
  return createStore<OrganizeListState<Item, CreateInput, Patch>>()((set, get) => {
    const toastError = (error: unknown) =>
      showToast({ tone: 'error', message: `error.${toApiError(error).code}` });
    const restore = async (item: Item) => {
      try {
        await api.restore(item.id);
      } catch (error) {
        toastError(error);
      }
      await get().load();
    };
    let firstLoad: Promise<void> | null = null;

    return {
      items: [],
      loaded: false,
      error: null,

      load: async () => {
        try {
          set({ items: await api.list(), loaded: true, error: null });
        } catch (error) {
          set({ error: toApiError(error) });
        }
      },

      ensureLoaded: () => {
        if (get().loaded) return Promise.resolve();
        // Cleared when settled, so a failed first load is tried again by the next caller.
        firstLoad ??= get()
          .load()
          .finally(() => {
            firstLoad = null;
          });
        return firstLoad;
      },

      create: async (input) => {
        const created = await api.create(input);
        showToast({ message: messages.created, params: { name: nameOf(created) } });
        void get().load();
        return created;
      },

      update: async (id, patch) => {
        const updated = await api.update(id, patch);
        void get().load();
        return updated;
      },

      remove: async (item) => {
        try {
          await api.remove(item.id);
          showToast({
            message: messages.deleted,
            params: { name: nameOf(item) },
            action: { label: 'common.undo', run: () => restore(item) },
          });
        } catch (error) {
          toastError(error);
        }
        await get().load();
      },
    };
  });
}
