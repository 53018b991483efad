import { and, inArray, isNull } from 'drizzle-orm';
import {
  isCalendarDate,
  type CustomerFieldsParsed,
  type FieldIssue,
  type Settings,
} from '../../src-shared/contract';
import { invalidFields } from '../core/errors';
import type { Db } from '../db/open';
import { customFields, tags, type CustomFieldRow } from '../db/schema';
import { parseCustomValues } from './customValues';

type Checked = Partial<Pick<CustomerFieldsParsed, 'source' | 'stage' | 'birthday' | 'tagIds' | 'custom'>>;

/** What the customer holds now: a value that is no longer offered stays allowed on the record that has it. */
export interface CurrentValues {
  source: string | null;
  stage: string | null;
  customValues: string;
}

/**
 * Checks what a schema cannot: stage and source against the owner's lists, tags that exist,
 * custom values against their field definitions, a birthday not in the future. Throws one
 * VALIDATION error naming every bad field; returns the custom values to store (merged over the
 * current ones, cleared keys removed).
 */
export function checkCustomerReferences(
  db: Db,
  fields: Checked,
  context: { settings: Settings; today: string; current?: CurrentValues },
): Record<string, string | number> | undefined {
  const issues: FieldIssue[] = [];
  const { settings, current } = context;
  const inList = (list: Settings['customerSources'], value: string | null, currentValue?: string | null) =>
    value === null || value === currentValue || list.some((option) => option.key === value);

  if (fields.source !== undefined && !inList(settings.customerSources, fields.source, current?.source)) {
    issues.push({
      path: 'source',
      code: 'option',
      message: `"${fields.source}" is not a lead source in Settings`,
    });
  }
  if (fields.stage !== undefined && !inList(settings.customerStages, fields.stage, current?.stage)) {
    issues.push({ path: 'stage', code: 'option', message: `"${fields.stage}" is not a stage in Settings` });
  }
  if (fields.birthday && fields.birthday > context.today) {
    issues.push({ path: 'birthday', code: 'date', message: 'A birthday cannot be in the future' });
  }
  if (fields.tagIds && fields.tagIds.length > 0) {
    const live = new Set(
      db
        .select({ id: tags.id })
        .from(tags)
        .where(and(inArray(tags.id, fields.tagIds), isNull(tags.deletedAt)))
        .all()
        .map((row) => row.id),
    );
    fields.tagIds.forEach((id, index) => {
      if (!live.has(id))
        issues.push({ path: `tagIds.${index}`, code: 'option', message: `Tag ${id} does not exist` });
    });
  }
  let custom: Record<string, string | number> | undefined;
  if (fields.custom !== undefined) {
    const before = current ? parseCustomValues(current.customValues) : {};
    custom = checkCustomValues(db, fields.custom, before, issues);
  }
  if (issues.length > 0) throw invalidFields(issues);
  return custom;
}

function checkCustomValues(
  db: Db,
  values: Record<string, string | number | null>,
  before: Record<string, string | number>,
  issues: FieldIssue[],
): Record<string, string | number> {
  const definitions = new Map<string, CustomFieldRow>(
    db
      .select()
      .from(customFields)
      .where(isNull(customFields.deletedAt))
      .all()
      .map((row) => [String(row.id), row]),
  );
  const result = { ...before };
  for (const [key, raw] of Object.entries(values)) {
    const path = `custom.${key}`;
    const definition = definitions.get(key);
    if (!definition) {
      issues.push({ path, code: 'unknown_field', message: `There is no custom field ${key}` });
      continue;
    }
    if (raw === null || raw === '') {
      delete result[key];
      continue;
    }
    const checked = checkOne(definition, raw, before[key]);
    if ('issue' in checked) issues.push({ path, ...checked.issue });
    else result[key] = checked.value;
  }
  return result;
}

function checkOne(
  definition: CustomFieldRow,
  raw: string | number,
  previous: string | number | undefined,
): { value: string | number } | { issue: Omit<FieldIssue, 'path'> } {
  switch (definition.type) {
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(value))
        return { issue: { code: 'number', message: `${definition.label}: not a number` } };
      return { value };
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw)) {
        return { issue: { code: 'date', message: `${definition.label}: not a valid date (YYYY-MM-DD)` } };
      }
      return { value: raw };
    case 'select': {
      const options = JSON.parse(definition.options) as string[];
      if (typeof raw !== 'string' || (!options.includes(raw) && raw !== previous)) {
        return { issue: { code: 'option', message: `${definition.label}: not one of the choices` } };
      }
      return { value: raw };
    }
    case 'text':
      return { value: String(raw) };
  }
}
