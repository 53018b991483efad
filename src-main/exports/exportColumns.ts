import type { CustomerTarget } from '../../src-shared/contract';
import { CUSTOMER_TARGETS } from '../../src-shared/contract/importTerms';
import { AppError } from '../core/errors';
import {
  CONVERSATION_HEADER_NAMES,
  CUSTOMER_HEADER_NAMES,
  ORDER_HEADER_NAMES,
  type HeaderName,
} from '../imports/mapping/headerNames';
import type {
  ConversationExportRow,
  CustomerExportRow,
  CustomerReference,
  OrderExportRow,
} from './exportRows';
import { joinTags } from '../imports/tagList';
import { neutralizeCell, protectPhoneCell } from './formulaGuard';
import { localDate } from '../core/localDate';

/** Headers are written in the owner's language, with the names the importer recognises. */
export type HeaderLanguage = 'zh' | 'en';

export interface ExportColumn<Row> {
  header: string;
  /** Phone cells stay text in spreadsheets (see protectPhoneCell); every other cell is neutralized. */
  phone?: boolean;
  value(row: Row): string;
}

/** The header row, guarded too: a custom field may be named `=…`. */
export function headerCells<Row>(columns: readonly ExportColumn<Row>[]): string[] {
  return columns.map((column) => neutralizeCell(column.header));
}

/** A data row's cells: the one place that decides which guard each cell gets. */
export function rowCells<Row>(columns: readonly ExportColumn<Row>[], row: Row): string[] {
  return columns.map((column) => {
    const text = column.value(row);
    return column.phone ? protectPhoneCell(text) : neutralizeCell(text);
  });
}

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** Minor units as a plain decimal (`1234.50`, `-5.00`): no symbol, no grouping, no float rounding. */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export { localDate };

/** `YYYY-MM-DD HH:mm:ss` local: what a spreadsheet shows and the importer reads back as local time. */
export function localDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${localDate(epochMs)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** `Email`, `Email 2`, … / `邮箱`, `邮箱2`, …: one column per address. */
function numberedHeader(name: HeaderName, language: HeaderLanguage, index: number): string {
  const base = name[language];
  if (index === 0) return base;
  return language === 'en' ? `${base} ${index + 1}` : `${base}${index + 1}`;
}

type ScalarTarget = Exclude<CustomerTarget, 'email' | 'phone' | 'tags'>;

export interface CustomerColumnOptions {
  language: HeaderLanguage;
  /** Import target names (`custom:<id>` for custom fields); omitted: every target and live custom field. */
  requested: readonly string[] | undefined;
  customFields: readonly { id: number; label: string }[];
  /** How many email and phone columns: the most any customer in the export has (at least one). */
  contactCounts: { email: number; phone: number };
}

/**
 * The customer columns in the requested order. Unknown targets and custom fields that do not
 * exist (or are in the trash) are refused by name rather than exported as empty columns.
 */
export function customerColumns(options: CustomerColumnOptions): ExportColumn<CustomerExportRow>[] {
  const { language, customFields, contactCounts } = options;
  const requested = options.requested ?? [
    ...CUSTOMER_TARGETS,
    ...customFields.map((field) => `custom:${field.id}`),
  ];
  if (requested.length === 0) {
    throw new AppError('VALIDATION', 'Choose at least one column to export.', [
      { path: 'columns', code: 'required', message: 'Choose at least one column to export.' },
    ]);
  }
  const labels = new Map(customFields.map((field) => [`custom:${field.id}`, field.label]));
  const columns: ExportColumn<CustomerExportRow>[] = [];
  // A column asked for twice is written once: two `Email` columns would import as two addresses.
  [...new Set(requested)].forEach((target) => {
    if (target === 'email' || target === 'phone') {
      const count = Math.max(1, contactCounts[target]);
      for (let i = 0; i < count; i++) {
        const header = numberedHeader(CUSTOMER_HEADER_NAMES[target], language, i);
        columns.push(
          target === 'email'
            ? { header, value: (row) => text(row.emails[i]) }
            : { header, phone: true, value: (row) => text(row.phones[i]?.value) },
        );
      }
    } else if (target === 'tags') {
      columns.push({ header: CUSTOMER_HEADER_NAMES.tags[language], value: (row) => joinTags(row.tags) });
    } else if (labels.has(target)) {
      const key = target.slice('custom:'.length);
      columns.push({ header: labels.get(target) as string, value: (row) => text(row.custom[key]) });
    } else if ((CUSTOMER_TARGETS as readonly string[]).includes(target)) {
      const field = target as ScalarTarget;
      columns.push({ header: CUSTOMER_HEADER_NAMES[field][language], value: (row) => text(row[field]) });
    } else {
      const message = `"${target}" is not a customer column or a custom field that exists.`;
      throw new AppError('VALIDATION', message, [{ path: 'columns', code: 'option', message }]);
    }
  });
  return columns;
}

/** The columns an order or conversation row finds its customer by on import. */
function referenceColumns<Row extends CustomerReference>(
  names: Record<keyof CustomerReference, HeaderName>,
  language: HeaderLanguage,
): ExportColumn<Row>[] {
  return [
    { header: names.customerExternalId[language], value: (row) => text(row.customerExternalId) },
    { header: names.customerEmail[language], value: (row) => text(row.customerEmail) },
    { header: names.customerPhone[language], phone: true, value: (row) => text(row.customerPhone) },
    { header: names.customerName[language], value: (row) => row.customerName },
  ];
}

export function orderColumns(language: HeaderLanguage): ExportColumn<OrderExportRow>[] {
  const names = ORDER_HEADER_NAMES;
  const money = (cents: number | null) => (cents === null ? '' : decimalAmount(cents));
  return [
    ...referenceColumns<OrderExportRow>(names, language),
    // Orders without a reference of their own are told apart by their uid, so their lines stay together.
    { header: names.invoice[language], value: (row) => row.externalRef ?? row.uid },
    { header: names.orderedAt[language], value: (row) => localDateTime(row.orderedAt) },
    { header: names.amount[language], value: (row) => money(row.amountCents) },
    { header: names.currency[language], value: (row) => row.currency },
    { header: names.status[language], value: (row) => row.status },
    { header: names.description[language], value: (row) => text(row.description) },
    { header: names.channel[language], value: (row) => text(row.channel) },
    { header: names.sku[language], value: (row) => text(row.sku) },
    { header: names.lineDescription[language], value: (row) => text(row.lineDescription) },
    { header: names.quantity[language], value: (row) => text(row.quantity) },
    { header: names.unitPrice[language], value: (row) => money(row.unitPriceCents) },
  ];
}

export function conversationColumns(language: HeaderLanguage): ExportColumn<ConversationExportRow>[] {
  const names = CONVERSATION_HEADER_NAMES;
  return [
    ...referenceColumns<ConversationExportRow>(names, language),
    { header: names.occurredAt[language], value: (row) => localDateTime(row.occurredAt) },
    { header: names.kind[language], value: (row) => row.kind },
    { header: names.direction[language], value: (row) => text(row.direction) },
    { header: names.subject[language], value: (row) => text(row.subject) },
    { header: names.body[language], value: (row) => text(row.body) },
    { header: names.durationMinutes[language], value: (row) => text(row.durationMinutes) },
  ];
}
