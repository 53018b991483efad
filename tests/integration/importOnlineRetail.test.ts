import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOptionsInput, ImportSummary } from '../../src-shared/contract';
import { importer } from '../support/importCalls';
import { REPO_ROOT, useBackendCalls } from '../support/tempBackend';

const FILE = join(REPO_ROOT, '..', 'shared', 'data', 'online_retail_uci.csv');
const present = existsSync(FILE);
if (!present)
  console.warn(
    `${FILE} is missing: the Online Retail import test is skipped (see ../shared/data/README.md).`,
  );

/**
 * The reference shape of issue 4: 541,909 invoice lines, one order per invoice number,
 * cancellations (`C…`) as refunds, lines without a customer ID reported, never dropped.
 */
describe.runIf(present)('the UCI Online Retail file as orders', () => {
  it(
    'imports 18,536 orders and 3,654 refunds for 4,372 customers, rejecting the 135,080 lines with no customer',
    { timeout: 180_000 },
    async () => {
      const { call } = useBackendCalls();
      const imports = importer(call);
      const { fileId, preview } = await imports.preview(
        readFileSync(FILE),
        'online_retail_uci.csv',
        'orders',
      );
      expect(preview.mapping).toEqual([
        'invoice',
        'sku',
        'lineDescription',
        'quantity',
        'orderedAt',
        'unitPrice',
        'customerExternalId',
        'customerCountry',
      ]);
      const options: ImportOptionsInput = {
        customerBy: ['externalId'],
        createMissingCustomers: true,
        currency: 'GBP',
      };

      const skipping = await imports.run('imports.dryRun', fileId, preview, {
        kind: 'orders',
        options: { ...options, cancellations: 'skip' },
      });
      expect(skipping.counts.create).toBe(18_536);
      expect(skipping.refunds).toBe(0);

      const summary: ImportSummary = await imports.run('imports.commit', fileId, preview, {
        kind: 'orders',
        options: { ...options, cancellations: 'refund' },
      });
      expect(summary.counts).toMatchObject({ rows: 541_909, create: 18_536 + 3_654, update: 0 });
      expect(summary.refunds).toBe(3_654);
      expect(summary.customersCreated).toBe(4_372);
      expect(summary.counts.reject).toBe(135_080);
      expect(new Set(summary.rejected.map((problem) => problem.code))).toEqual(new Set(['no_customer']));
      expect(summary.rejected[0]).toMatchObject({ code: 'no_customer', column: 'CustomerID' });
      console.log(`Online Retail commit: ${summary.ms} ms`);

      const page = await call<{ total: number }>('customers.list', { limit: 1 });
      expect(page.total).toBe(4_372);
    },
  );
});
