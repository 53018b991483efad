import { useStore } from 'zustand';
import type { ChannelInput, CustomFieldDefinition } from '../../../src-shared/contract';
import type { ApiClient } from '../../api';
import { useAppStores } from '../../app/storesContext';
import { createOrganizeListStore, type OrganizeListState } from './organizeListStore';

type FieldPatch = Omit<ChannelInput<'customFields.update'>, 'id'>;
export type CustomFieldsState = OrganizeListState<
  CustomFieldDefinition,
  ChannelInput<'customFields.create'>,
  FieldPatch
>;

/** The owner's custom field definitions in display order; forms, columns and filters read this. */
export function createCustomFieldsStore(api: ApiClient) {
  return createOrganizeListStore<CustomFieldDefinition, ChannelInput<'customFields.create'>, FieldPatch>(
    {
      list: () => api.invoke('customFields.list', {}),
      create: (input) => api.invoke('customFields.create', input),
      update: (id, patch) => api.invoke('customFields.update', { id, ...patch }),
      remove: (id) => api.invoke('customFields.delete', { id }),
      restore: (id) => api.invoke('customFields.restore', { id }),
    },
    { created: 'settings.fields.created', deleted: 'settings.fields.deleted' },
    (field) => field.label,
  );
}

export function useCustomFieldsStore<T>(selector: (state: CustomFieldsState) => T): T {
  return useStore(useAppStores().customFields, selector);
}
