import type {
  ChoiceOption,
  Consent,
  CustomFieldType,
  CustomerScalarField,
  Settings,
} from '../../../src-shared/contract';
import { CUSTOMER_LIMITS } from '../../../src-shared/contract/customerTerms';
import { builtInChoiceNamesEn, builtInChoiceNamesZh } from '../../../src-shared/i18n/builtInChoices';
import { calendarDateCell, emailCells, phoneCells, textCell, type CellContext } from '../cells';
import { detachedText, type MappedRow } from '../columns';
import { splitTags } from '../tagList';

/** One file row as a customer: only what the file says (blank cells are absent, never "clear"). */
export interface CustomerDraft {
  row: MappedRow;
  externalId: string | null;
  scalars: Partial<Record<CustomerScalarField, string>>;
  emails: string[];
  phones: string[];
  tagNames: string[];
  custom: Record<string, string | number>;
}

export interface CustomFieldInfo {
  id: number;
  type: CustomFieldType;
  options: string[];
}

export interface CustomerReadContext extends CellContext {
  settings: Settings;
  customFields: Map<number, CustomFieldInfo>;
  /** Local today (`YYYY-MM-DD`): a birthday cannot be later. */
  today: string;
}

const TEXT_FIELDS = [
  ['name', CUSTOMER_LIMITS.name],
  ['company', CUSTOMER_LIMITS.company],
  ['jobTitle', CUSTOMER_LIMITS.jobTitle],
  ['wechat', CUSTOMER_LIMITS.wechat],
  ['country', CUSTOMER_LIMITS.country],
  ['province', CUSTOMER_LIMITS.province],
  ['city', CUSTOMER_LIMITS.city],
  ['street', CUSTOMER_LIMITS.street],
  ['postcode', CUSTOMER_LIMITS.postcode],
  ['notes', CUSTOMER_LIMITS.notes],
] as const satisfies readonly (readonly [CustomerScalarField, number])[];

const TAG_NAME_MAX = 40;
const EXTERNAL_ID_MAX = 100;

/** How spreadsheets say yes and no to marketing; our export writes the stored key. */
const CONSENT_WORDS: Record<string, Consent> = {
  yes: 'yes',
  y: 'yes',
  true: 'yes',
  '1': 'yes',
  是: 'yes',
  同意: 'yes',
  no: 'no',
  n: 'no',
  false: 'no',
  '0': 'no',
  否: 'no',
  不同意: 'no',
  unknown: 'unknown',
  未知: 'unknown',
};

export function readCustomerDraft(row: MappedRow, context: CustomerReadContext): CustomerDraft {
  const scalars: CustomerDraft['scalars'] = {};
  for (const [field, max] of TEXT_FIELDS) {
    const value = textCell(row, field, max);
    if (value !== null) scalars[field] = value;
  }
  if (!scalars.name) row.reject('required', 'name');
  const consent = row.text('consent');
  if (consent !== '') {
    const value = CONSENT_WORDS[fold(consent)];
    if (!value) row.reject('option', 'consent');
    scalars.consent = value;
  }
  for (const field of ['source', 'stage'] as const) {
    const text = row.text(field);
    if (text === '') continue;
    const list = field === 'source' ? context.settings.customerSources : context.settings.customerStages;
    const key = matchChoice(list, field, text);
    if (key === null) row.reject('option', field);
    scalars[field] = key;
  }
  const birthday = calendarDateCell(row, 'birthday', context);
  if (birthday !== null) {
    if (birthday > context.today) row.reject('date', 'birthday');
    scalars.birthday = birthday;
  }
  const emails = emailCells(row, 'email');
  const phones = phoneCells(row, 'phone', context);
  if (emails.length > CUSTOMER_LIMITS.contacts) row.reject('too_long', 'email');
  if (phones.length > CUSTOMER_LIMITS.contacts) row.reject('too_long', 'phone');
  const tagNames = row
    .all('tags')
    .flatMap(({ text, column }) =>
      splitTags(text).map((name) =>
        name.length > TAG_NAME_MAX ? row.rejectColumn('too_long', column) : name,
      ),
    );
  return {
    row,
    externalId: normalizeExternalId(textCell(row, 'externalId', EXTERNAL_ID_MAX)),
    scalars,
    emails,
    phones,
    tagNames: [...new Set(tagNames)],
    custom: readCustomValues(row, context),
  };
}

/**
 * Customer IDs exported by spreadsheets as floats (`17850.0`, the Online Retail file) are the
 * same customer as `17850`.
 */
export function normalizeExternalId(text: string | null): string | null {
  if (text === null) return null;
  return /^\d+\.0+$/.test(text) ? text.replace(/\.0+$/, '') : text;
}

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** A list entry by key, by the owner's label, or by the built-in name in either language. */
export function matchChoice(list: ChoiceOption[], kind: 'source' | 'stage', text: string): string | null {
  const wanted = fold(text);
  for (const option of list) {
    const builtInKey = `choice.${kind}.${option.key}` as keyof typeof builtInChoiceNamesEn;
    const names = [
      option.key,
      option.label,
      builtInChoiceNamesEn[builtInKey],
      builtInChoiceNamesZh[builtInKey],
    ];
    if (names.some((name) => typeof name === 'string' && fold(name) === wanted)) return option.key;
  }
  return null;
}

function readCustomValues(row: MappedRow, context: CustomerReadContext): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const { fieldId } of row.columns.customColumns()) {
    const target = `custom:${fieldId}`;
    const field = context.customFields.get(fieldId);
    const text = row.text(target);
    if (!field || text === '') continue;
    switch (field.type) {
      case 'text':
        if (text.length > CUSTOMER_LIMITS.customText) row.reject('too_long', target);
        values[fieldId] = detachedText(text);
        break;
      case 'number': {
        const number = Number(text.normalize('NFKC').replace(/[,\s]/g, ''));
        if (!Number.isFinite(number)) row.reject('number', target);
        values[fieldId] = number;
        break;
      }
      case 'date':
        values[fieldId] = calendarDateCell(row, target, context)!;
        break;
      case 'select': {
        const option = field.options.find((candidate) => fold(candidate) === fold(text));
        if (option === undefined) row.reject('option', target);
        values[fieldId] = option;
        break;
      }
    }
  }
  return values;
}
