import { useStore } from 'zustand';
import type { ChannelInput, Tag } from '../../../src-shared/contract';
import type { ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { createOrganizeListStore, type OrganizeListState } from './organizeListStore';

type TagPatch = Omit<ChannelInput<'tags.update'>, 'id'>;
export type TagsState = OrganizeListState<Tag, ChannelInput<'tags.create'>, TagPatch>;

/** The owner's tags with how many customers carry each; any page that offers tags reads this. */
export function createTagsStore(api: ApiClient) {
  return createOrganizeListStore<Tag, ChannelInput<'tags.create'>, TagPatch>(
    {
      list: () => api.invoke('tags.list', {}),
      create: (input) => api.invoke('tags.create', input),
      update: (id, patch) => api.invoke('tags.update', { id, ...patch }),
      remove: (id) => api.invoke('tags.delete', { id }),
      restore: (id) => api.invoke('tags.restore', { id }),
    },
    { created: 'settings.tags.created', deleted: 'settings.tags.deleted' },
    (tag) => tag.name,
  );
}

export function useTagsStore<T>(selector: (state: TagsState) => T): T {
  return useStore(useAppStores().tags, selector);
}
