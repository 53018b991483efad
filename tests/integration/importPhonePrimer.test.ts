import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalizePhone, type PhoneReadings } from '../../src-main/customers/contacts';
import { runPhonePrimer } from '../../src-main/imports/phonePrimer';
import { decideReading } from '../../src-main/imports/source';
import { encodeFile, importer } from '../support/importCalls';
import { tempDir, useBackendCalls } from '../support/tempBackend';

// Past 1 MB a customer file's phones are read ahead by a helper thread (imports/phonePrimer.ts);
// what is stored must be exactly what the import would have read itself, whichever thread read it.
const ROWS = 12_000;
const PHONE_FORMS = [
  (i: number) => `138 ${String(i).padStart(4, '0')} 8000`,
  (i: number) => `+1 415 555 ${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `021-6234-${String(i % 10_000).padStart(4, '0')}`,
  (i: number) => `1390013${String(i % 10_000).padStart(4, '0')} 转 ${i % 1000}`,
  (i: number) => `${i}`,
  () => '1.38001E+10',
  (i: number) => `'139${String(i).padStart(8, '0')}`,
];

function bigFile(): Buffer {
  const lines = ['姓名,手机,备注'];
  for (let i = 0; i < ROWS; i++) {
    const phone = PHONE_FORMS[i % PHONE_FORMS.length]!(i);
    lines.push(`客户${i},${phone},${'一段足够长的备注，让文件超过一兆字节'.repeat(2)}`);
  }
  return encodeFile(lines.join('\r\n'), 'utf8');
}

describe('a customer file past 1 MB, its phones read ahead on a second thread', () => {
  it('the helper reads each phone cell as the import does: E.164, validity and national number', async () => {
    const file = join(tempDir(), 'customers.csv');
    writeFileSync(file, bigFile());
    // A region no other test reads phones with, so nothing here comes from a cache.
    const region = 'GB';
    const { port1, port2 } = new MessageChannel();
    await runPhonePrimer({
      role: 'phonePrimer',
      file,
      reading: decideReading(file, {}),
      mapping: ['name', 'phone', 'notes'],
      kind: 'customers',
      customFieldIds: [],
      region,
      importLine: new SharedArrayBuffer(4),
      port: port2,
    });
    const readings: PhoneReadings = [];
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
      readings.push(...(message.message as PhoneReadings));
    }
    // All but the lines the import is about to reach (it starts at line 0, so the first 2,000).
    expect(readings.length / 4).toBeGreaterThan(ROWS - 2_000);
    for (let at = 0; at < readings.length; at += 4) {
      const [typed, e164, valid, national] = readings.slice(at, at + 4) as [
        string,
        string | null,
        boolean,
        string | null,
      ];
      expect(typed.startsWith("'")).toBe(false);
      expect({ value: typed.trim(), e164, valid }).toEqual(normalizePhone(typed, region));
      expect(national).toBe(e164 === null ? null : String(parsePhoneNumberFromString(e164)!.nationalNumber));
    }
  });

  it('stores every phone exactly as reading it in the import itself would', async () => {
    const { t, call } = useBackendCalls();
    const imports = importer(call);
    const bytes = bigFile();
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const { fileId, preview } = await imports.preview(bytes, 'customers.csv');
    const done = await imports.run('imports.commit', fileId, preview, { options: { region: 'CN' } });
    expect(done.counts).toMatchObject({ rows: ROWS, create: ROWS, reject: 0 });

    const db = new Database(t.dbFile, { readonly: true });
    try {
      const stored = db
        .prepare(
          `SELECT c.value, c.normalized, c.valid, s.contacts FROM customer_contacts c
           JOIN customer_search s ON s.rowid = c.customer_id WHERE c.kind = 'phone' ORDER BY c.id`,
        )
        .all() as { value: string; normalized: string | null; valid: number; contacts: string }[];
      expect(stored).toHaveLength(ROWS);
      for (const row of stored) {
        const expected = normalizePhone(row.value, 'CN');
        expect({ value: row.value, e164: row.normalized, valid: row.valid === 1 }).toEqual(expected);
      }
      // The national number a helper sent is what search finds a phone by.
      const mobile = stored.find((row) => row.value === '138 0007 8000')!;
      expect(mobile).toMatchObject({ normalized: '+8613800078000', valid: 1 });
      expect(mobile.contacts).toContain('8613800078000');
    } finally {
      db.close();
    }
    const hits = await call<{ hits: { customer: { name: string } }[] }>('customers.search', {
      query: '13800078000',
    });
    expect(hits.hits.map((hit) => hit.customer.name)).toEqual(['客户7']);
  });
});
