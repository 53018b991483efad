import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ChoiceOption, CustomFieldDefinition, Tag } from '../../../src-shared/contract';
import { useCustomFieldsStore } from '../settings/useCustomFieldsStore';
import { useSettingsStore } from '../settings/useSettingsStore';
import { useTagsStore } from '../settings/useTagsStore';

export interface CustomerOptions {
  /** The owner's currency: new orders get it, revenue is counted in it. */
  currency: string;
  sources: ChoiceOption[];
  stages: ChoiceOption[];
  tags: Tag[];
  customFields: CustomFieldDefinition[];
}

const NO_CHOICES: ChoiceOption[] = [];

/**
 * What the customer form and page offer to choose from, read from the Settings stores (which follow
 * pushes); the tag and custom field lists are fetched on first use.
 */
export function useCustomerOptions(): CustomerOptions {
  const settings = useSettingsStore((s) => s.settings);
  const tags = useTagsStore(useShallow((s) => ({ items: s.items, ensureLoaded: s.ensureLoaded })));
  const fields = useCustomFieldsStore(useShallow((s) => ({ items: s.items, ensureLoaded: s.ensureLoaded })));
  const { ensureLoaded: ensureTags } = tags;
  const { ensureLoaded: ensureFields } = fields;

  useEffect(() => {
    void ensureTags();
    void ensureFields();
  }, [ensureTags, ensureFields]);

  return {
    currency: settings?.currency ?? 'CNY',
    sources: settings?.customerSources ?? NO_CHOICES,
    stages: settings?.customerStages ?? NO_CHOICES,
    tags: tags.items,
    customFields: fields.items,
  };
}
