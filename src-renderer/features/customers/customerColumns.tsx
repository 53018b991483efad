import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type {
  ChoiceOption,
  CustomFieldDefinition,
  CustomerRowView as Customer,
} from '../../../src-shared/contract';
import { CUSTOMER_SORT_FIELDS } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import type { MessageKey, Translate } from '../../i18n/useI18n';
import { choiceLabel } from '../settings/choiceLabel';
import { ANALYTICS_COLUMNS, type AnalyticsColumn } from './analyticsColumnIds';
import {
  ANALYTICS_COLUMN_LABELS,
  ANALYTICS_COLUMN_WIDTHS,
  analyticsCell,
  type AnalyticsCellFormat,
} from './analyticsColumns';
import { formatMoney } from './money';
import { TagChip } from './TagChip';

/** An optional text cell: the value as text, or a muted dash so empty cells read as "nothing", not a glitch. */
export function TextCell({ value, t }: { value: string | null; t: Translate }) {
  return value ? <>{value}</> : <span className="muted">{t('table.emptyCell')}</span>;
}

/** Built-in columns the owner can show, in their default order of appearance in the chooser. */
export const BUILT_IN_COLUMNS = [
  'name',
  'company',
  'jobTitle',
  'email',
  'phone',
  'wechat',
  'country',
  'province',
  'city',
  'stage',
  'source',
  'tags',
  'revenue',
  'orderCount',
  'lastOrderAt',
  'lastContactAt',
  'createdAt',
  'updatedAt',
  ...ANALYTICS_COLUMNS,
] as const;
export type BuiltInColumn = (typeof BUILT_IN_COLUMNS)[number];
export const DEFAULT_COLUMNS: string[] = ['name', 'company', 'phone', 'city', 'stage', 'tags', 'revenue'];
/** Always shown (and first): a row without a name says nothing. */
export const FIXED_COLUMN = 'name';

/** Column ids with the name first, whatever order a saved view or the chooser gave. */
export const withName = (columns: string[]) => [FIXED_COLUMN, ...columns.filter((id) => id !== FIXED_COLUMN)];

export const customColumnId = (field: Pick<CustomFieldDefinition, 'id'>) => `custom.${field.id}`;

const COLUMN_LABELS: Record<BuiltInColumn, MessageKey> = {
  name: 'customer.field.name',
  company: 'customer.field.company',
  jobTitle: 'customer.field.jobTitle',
  email: 'customer.field.email',
  phone: 'customer.field.phone',
  wechat: 'customer.field.wechat',
  country: 'customer.field.country',
  province: 'customer.field.province',
  city: 'customer.field.city',
  stage: 'customer.field.stage',
  source: 'customer.field.source',
  tags: 'customer.field.tags',
  revenue: 'customerList.column.revenue',
  orderCount: 'customerList.column.orderCount',
  lastOrderAt: 'customerList.column.lastOrderAt',
  lastContactAt: 'customerList.column.lastContactAt',
  createdAt: 'customers.field.createdAt',
  updatedAt: 'customers.field.updatedAt',
  ...ANALYTICS_COLUMN_LABELS,
};

/** Pixel widths: the table has a fixed layout, so columns do not jump as rows scroll in. */
const WIDTHS: Partial<Record<BuiltInColumn, number>> = {
  name: 170,
  email: 210,
  phone: 150,
  city: 100,
  stage: 100,
  source: 100,
  tags: 170,
  revenue: 120,
  orderCount: 80,
  ...ANALYTICS_COLUMN_WIDTHS,
};
const DEFAULT_WIDTH = 140;

/** What the chooser and the chips need to name a column, built-in or custom. */
export function columnLabel(t: Translate, id: string, customFields: CustomFieldDefinition[]): string | null {
  if ((BUILT_IN_COLUMNS as readonly string[]).includes(id)) return t(COLUMN_LABELS[id as BuiltInColumn]);
  const field = customFields.find((candidate) => customColumnId(candidate) === id);
  return field ? field.label : null;
}

const SORTABLE = new Set<string>(CUSTOMER_SORT_FIELDS);
/** react-table offers sorting only on columns with an accessor; the server does the sorting itself. */
const serverSorted = () => null;

export interface CellFormatters {
  t: Translate;
  locale: string;
  currency: string;
  formatNumber: (value: number) => string;
  formatDateTime: (iso: string) => string;
  stages: ChoiceOption[];
  sources: ChoiceOption[];
  analytics: AnalyticsCellFormat;
}

const isAnalyticsColumn = (id: BuiltInColumn): id is AnalyticsColumn =>
  (ANALYTICS_COLUMNS as readonly string[]).includes(id);

function ChoiceCell({
  list,
  value,
  kind,
  t,
}: {
  list: ChoiceOption[];
  value: string | null;
  kind: 'stage' | 'source';
  t: Translate;
}) {
  if (!value) return <TextCell value={null} t={t} />;
  // A key no longer in Settings' list still shows: as its key, rather than as nothing.
  const option = list.find((candidate) => candidate.key === value) ?? { key: value, label: value };
  return <>{choiceLabel(t, kind, option)}</>;
}

function builtInCell(id: BuiltInColumn, customer: Customer, f: CellFormatters): ReactNode {
  const { t } = f;
  if (isAnalyticsColumn(id)) return analyticsCell(id, customer.analytics, f.analytics);
  switch (id) {
    case 'name':
      // A real link: the keyboard's way into the customer's page (a row click is the mouse's).
      return (
        <a className="row-link" href={hrefFor('customer', customer.id)}>
          {customer.name}
        </a>
      );
    case 'stage':
      return <ChoiceCell list={f.stages} value={customer.stage} kind="stage" t={t} />;
    case 'source':
      return <ChoiceCell list={f.sources} value={customer.source} kind="source" t={t} />;
    case 'tags':
      return customer.tags.length ? (
        <span className="tag-list">
          {customer.tags.map((tag) => (
            <TagChip key={tag.id} name={tag.name} color={tag.color} />
          ))}
        </span>
      ) : (
        <TextCell value={null} t={t} />
      );
    case 'revenue':
      return formatMoney(f.locale, customer.revenueCents, f.currency);
    case 'orderCount':
      return f.formatNumber(customer.orderCount);
    case 'lastOrderAt':
    case 'lastContactAt':
    case 'createdAt':
    case 'updatedAt': {
      const value = customer[id];
      return value ? (
        <time dateTime={value}>{f.formatDateTime(value)}</time>
      ) : (
        <TextCell value={null} t={t} />
      );
    }
    default:
      return <TextCell value={customer[id]} t={t} />;
  }
}

function customCell(field: CustomFieldDefinition, customer: Customer, f: CellFormatters): ReactNode {
  const value = customer.custom[String(field.id)];
  if (value === undefined || value === '') return <TextCell value={null} t={f.t} />;
  return typeof value === 'number' ? f.formatNumber(value) : value;
}

/**
 * The list's columns in the owner's order. Column ids double as the server's sort fields; custom
 * fields and tags cannot be sorted by the server, so their headers are plain text.
 */
export function customerColumns(
  ids: string[],
  customFields: CustomFieldDefinition[],
  formatters: CellFormatters,
): ColumnDef<Customer>[] {
  const columns: ColumnDef<Customer>[] = [];
  for (const id of ids) {
    if ((BUILT_IN_COLUMNS as readonly string[]).includes(id)) {
      const builtIn = id as BuiltInColumn;
      columns.push({
        id,
        header: formatters.t(COLUMN_LABELS[builtIn]),
        size: WIDTHS[builtIn] ?? DEFAULT_WIDTH,
        enableSorting: SORTABLE.has(id),
        accessorFn: serverSorted,
        cell: ({ row }) => builtInCell(builtIn, row.original, formatters),
      });
      continue;
    }
    const field = customFields.find((candidate) => customColumnId(candidate) === id);
    // A column of a custom field deleted since the view was saved is skipped, not shown empty.
    if (!field) continue;
    columns.push({
      id,
      header: field.label,
      size: DEFAULT_WIDTH,
      enableSorting: false,
      cell: ({ row }) => customCell(field, row.original, formatters),
    });
  }
  return columns;
}

type InstantField = 'createdAt' | 'deletedAt';

/** Column builders for the trash: enough to recognise each deleted customer, and the way back. */
export function customerColumnBuilders(t: Translate, formatDateTime: (iso: string) => string) {
  return {
    name: (): ColumnDef<Customer> => ({
      id: 'name',
      header: t('customers.field.name'),
      size: WIDTHS.name,
      accessorFn: serverSorted,
      cell: ({ row }) => <span className="strong">{row.original.name}</span>,
    }),
    text: (field: 'company' | 'email' | 'phone' | 'city'): ColumnDef<Customer> => ({
      id: field,
      header: t(`customers.field.${field}`),
      size: WIDTHS[field] ?? DEFAULT_WIDTH,
      accessorFn: serverSorted,
      cell: ({ row }) => <TextCell value={row.original[field]} t={t} />,
    }),
    instant: (field: InstantField): ColumnDef<Customer> => ({
      id: field,
      header: t(`customers.field.${field}`),
      size: 170,
      accessorFn: serverSorted,
      cell: ({ row }) => {
        const value = row.original[field];
        return value ? (
          <time dateTime={value}>{formatDateTime(value)}</time>
        ) : (
          <TextCell value={null} t={t} />
        );
      },
    }),
    /** The row's buttons; not sortable. */
    actions: (render: (customer: Customer) => ReactNode): ColumnDef<Customer> => ({
      id: 'actions',
      header: t('customers.field.actions'),
      size: 110,
      enableSorting: false,
      cell: ({ row }) => <div className="row-actions">{render(row.original)}</div>,
    }),
  };
}
