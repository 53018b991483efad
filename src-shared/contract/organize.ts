import { z } from 'zod';
import { noInput, recordId, requiredText } from './fields';

export const TAG_COLOR_PATTERN = /^#[0-9a-f]{6}$/;
const tagColor = z.string().trim().toLowerCase().regex(TAG_COLOR_PATTERN);

export const tag = z.object({
  id: recordId,
  name: z.string(),
  color: z.string(),
  /** How many customers (not in the trash) carry it. */
  customerCount: z.number().int(),
});
export type Tag = z.infer<typeof tag>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

const selectOptions = z.array(requiredText(100)).max(100);
export const customFieldDefinition = z.object({
  id: recordId,
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  position: z.number().int(),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinition>;

const idInput = z.strictObject({ id: recordId });

export const organizeChannels = {
  'tags.list': { input: noInput, output: z.array(tag) },
  /** Names are unique ignoring case; creating an existing name is a CONFLICT naming `name`. */
  'tags.create': { input: z.strictObject({ name: requiredText(40), color: tagColor }), output: tag },
  'tags.update': {
    input: z.strictObject({ id: recordId, name: requiredText(40).optional(), color: tagColor.optional() }),
    output: tag,
  },
  /** Hides the tag everywhere; customers keep it, so restore brings it back on all of them. */
  'tags.delete': { input: idInput, output: tag },
  'tags.restore': { input: idInput, output: tag },
  'customFields.list': { input: noInput, output: z.array(customFieldDefinition) },
  'customFields.create': {
    input: z.strictObject({
      label: requiredText(60),
      type: z.enum(CUSTOM_FIELD_TYPES),
      options: selectOptions.default([]),
    }),
    output: customFieldDefinition,
  },
  /** The type cannot change once created (existing values would stop making sense). */
  'customFields.update': {
    input: z.strictObject({
      id: recordId,
      label: requiredText(60).optional(),
      options: selectOptions.optional(),
      position: z.number().int().min(0).optional(),
    }),
    output: customFieldDefinition,
  },
  /** Hides the field; values stay on the customers and come back with restore. */
  'customFields.delete': { input: idInput, output: customFieldDefinition },
  'customFields.restore': { input: idInput, output: customFieldDefinition },
} as const;
