import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type {
  Customer,
  CustomerPage,
  CustomFieldDefinition,
  DownloadFile,
  ExportInput,
  ImportKind,
  ImportOptionsInput,
  ImportPreview,
  ImportSummary,
  TimelineItem,
} from '../../src-shared/contract';
import type { caller } from './envelopes';
import { importer } from './importCalls';

/**
 * The steps of an export → import round trip and the owner's view of a database to compare
 * before and after (importRoundTrip*.test.ts).
 */

type Call = ReturnType<typeof caller>;

/**
 * An instant with whole seconds, as ISO text that reads `YYYY-MM-DD HH:mm:ss` in local time (what exports
 * write), whatever the test machine's zone.
 */
export const at = (year: number, month: number, day: number, hours: number, minutes: number, seconds = 0) =>
  new Date(year, month - 1, day, hours, minutes, seconds).toISOString();

export async function exportFile(call: Call, input: Omit<ExportInput, 'jobId'>): Promise<DownloadFile> {
  return call<DownloadFile>('exports.run', { jobId: randomUUID(), ...input });
}

export const bytesOf = (file: DownloadFile) => Buffer.from(file.base64, 'base64');

/** Imports a file with the preview's suggested mapping, checking the suggestion maps every column. */
export async function importWhole(
  call: Call,
  bytes: Buffer,
  fileName: string,
  kind: ImportKind,
  options: ImportOptionsInput = {},
): Promise<{ preview: ImportPreview; summary: ImportSummary }> {
  const imports = importer(call);
  const { fileId, preview } = await imports.preview(bytes, fileName, kind);
  const unmapped = preview.columns.filter((column) => preview.mapping[column.index] === null);
  expect(unmapped.map((column) => column.header)).toEqual([]);
  const summary = await imports.run('imports.commit', fileId, preview, { kind, options });
  expect(summary.rejected).toEqual([]);
  return { preview, summary };
}

/** Every live customer as the owner sees it, keyed by name; ids, uids and timestamps left out. */
export async function customersSeen(call: Call) {
  const fields = await call<CustomFieldDefinition[]>('customFields.list');
  const labels = new Map(fields.map((field) => [String(field.id), field.label]));
  const page = await call<CustomerPage>('customers.list', { limit: 500 });
  const seen: Record<string, unknown> = {};
  for (const row of page.rows) {
    const customer = await call<Customer>('customers.get', { id: row.id });
    const {
      id: _id,
      uid: _uid,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      consentAt: _consentAt,
      stats,
      tags,
      custom,
      ...rest
    } = customer;
    seen[customer.name] = {
      ...rest,
      tags: tags.map((tag) => tag.name).sort(),
      custom: Object.fromEntries(Object.entries(custom).map(([id, value]) => [labels.get(id), value])),
      stats: { revenueCents: stats.revenueCents, orderCount: stats.orderCount },
      activity: await activitySeen(call, customer.id),
    };
  }
  return seen;
}

/** A customer's orders and conversations, newest first, without ids, uids and record timestamps. */
async function activitySeen(call: Call, customerId: number) {
  const { items } = await call<{ items: TimelineItem[] }>('customers.timeline', {
    customerId,
    kinds: ['order', 'conversation'],
    limit: 200,
  });
  return items
    .map((item) => {
      if (item.kind === 'order') {
        const { id: _id, uid: _uid, customerId: _c, createdAt: _a, updatedAt: _u, ...order } = item.order;
        return { entry: 'order', ...order };
      }
      if (item.kind === 'conversation') {
        const {
          id: _id,
          uid: _uid,
          customerId: _c,
          createdAt: _a,
          updatedAt: _u,
          ...talk
        } = item.conversation;
        return { entry: 'conversation', ...talk };
      }
      return null;
    })
    .filter((entry) => entry !== null);
}

/** Without orders and conversations: what a customers-only import can be compared on. */
export function withoutActivity(seen: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(seen).map(([name, customer]) => {
      const { activity: _activity, stats: _stats, ...rest } = customer as Record<string, unknown>;
      return [name, rest];
    }),
  );
}
