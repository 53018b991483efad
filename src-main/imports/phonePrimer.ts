import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { ImportKind } from '../../src-shared/contract';
import { readPhoneInto, rememberPhones, type PhoneReadings } from '../customers/contacts';
import type { JobContext } from '../jobs/context';
import { startHelperThread, type HelperThread } from '../jobs/helperThread';
import { typedPhone } from './cells';
import { ColumnMap, MappedRow } from './columns';
import { openSourceTable, type Reading } from './source';

/**
 * Reading a phone is most of the cost of planning a customer (~11 µs of ~20 with libphonenumber's
 * full metadata), and an import has a second core doing nothing. A helper thread reads the same
 * file and the same phone cells with the same function a little ahead of the import, which finds
 * the results in its phone cache (customers/contacts.ts). Nothing depends on it: a phone the
 * helper has not read yet is read by the import itself, to the same result.
 */

/** Smaller files are planned in well under a second: not worth a thread. */
const MIN_FILE_BYTES = 1024 * 1024;
/** The helper skips lines closer than this to the import's: they would arrive too late to help. */
const LEAD_LINES = 2_000;
/** Phones per message. */
const READINGS_PER_MESSAGE = 4 * 1_000;
/** The helper holds a few messages at a time: a small heap keeps it from growing the app's peak. */
const HELPER_HEAP = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };
/** The import looks for the helper's messages, and says how far it is, every this many rows. */
const CHECK_EVERY_ROWS = 256;

/** What the helper thread is started with (it is the job worker's file, in this role). */
export interface PhonePrimerInput {
  role: 'phonePrimer';
  file: string;
  reading: Reading;
  mapping: (string | null)[];
  kind: ImportKind;
  customFieldIds: number[];
  region: string | null;
  /** Int32 slot 0: the line the import has reached. */
  importLine: SharedArrayBuffer;
  port: MessagePort;
}

/** The import's side: start it, tell it where you are, stop it. */
export class PhonePrimer {
  private readonly importLine: Int32Array;
  private rowsSinceCheck = 0;

  private constructor(
    private readonly helper: HelperThread,
    shared: SharedArrayBuffer,
    private readonly region: string | null,
  ) {
    this.importLine = new Int32Array(shared);
  }

  /** A helper for a customer file with a phone column and at least MIN_FILE_BYTES; else null. */
  static start(
    ctx: JobContext,
    input: Omit<PhonePrimerInput, 'role' | 'importLine' | 'port'> & { columns: ColumnMap },
  ): PhonePrimer | null {
    const worthIt =
      input.kind === 'customers' && input.reading.totalBytes >= MIN_FILE_BYTES && input.columns.has('phone');
    if (!worthIt) return null;
    const importLine = new SharedArrayBuffer(4);
    const helper = startHelperThread(
      ctx.startHelper,
      (port): PhonePrimerInput => ({
        role: 'phonePrimer',
        file: input.file,
        reading: input.reading,
        mapping: input.mapping,
        kind: input.kind,
        customFieldIds: input.customFieldIds,
        region: input.region,
        importLine,
        port,
      }),
      HELPER_HEAP,
    );
    return helper && new PhonePrimer(helper, importLine, input.region);
  }

  /** Called for each row the import reads: takes in what the helper has read, and says where the import is. */
  reached(line: number): void {
    if (++this.rowsSinceCheck < CHECK_EVERY_ROWS) return;
    this.rowsSinceCheck = 0;
    Atomics.store(this.importLine, 0, line);
    const { port } = this.helper;
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      rememberPhones(message.message as PhoneReadings, this.region);
    }
  }

  /** Ends the helper, when planning ends: its memory goes before the commit's peak. */
  stop(): void {
    this.helper.stop();
  }
}

/** The helper thread's side: read the file's phone cells ahead of the import and post the readings. */
export async function runPhonePrimer(input: PhonePrimerInput): Promise<void> {
  const importLine = new Int32Array(input.importLine);
  const table = await openSourceTable(input.file, input.reading, {});
  try {
    const columns = new ColumnMap(table.headers, input.mapping, input.kind, new Set(input.customFieldIds));
    let readings: PhoneReadings = [];
    for await (const sourceRow of table.rows) {
      if (sourceRow.line < Atomics.load(importLine, 0) + LEAD_LINES) continue;
      for (const { text } of new MappedRow(columns, sourceRow).all('phone')) {
        readPhoneInto(readings, typedPhone(text), input.region);
      }
      if (readings.length >= READINGS_PER_MESSAGE) {
        input.port.postMessage(readings);
        readings = [];
      }
    }
    if (readings.length > 0) input.port.postMessage(readings);
  } finally {
    table.close?.();
    input.port.close();
  }
}
