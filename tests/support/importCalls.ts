import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import {
  UPLOAD_CHUNK_BYTES,
  type CustomerPage,
  type ImportHistoryEntry,
  type ImportPreview,
  type ImportRunInput,
  type ImportSummary,
} from '../../src-shared/contract';
import type { caller } from './envelopes';

type Call = ReturnType<typeof caller>;

/** Bytes of `text` in an encoding a file from Excel/WPS might have, BOM included when asked. */
export function encodeFile(text: string, encoding: string, options: { bom?: boolean } = {}): Buffer {
  return iconv.encode(text, encoding, { addBOM: options.bom ?? false });
}

/** Uploads bytes the way the UI does (base64 chunks in order), returning the staged file id. */
export async function upload(call: Call, bytes: Buffer, fileName: string): Promise<string> {
  const fileId = randomUUID();
  let offset = 0;
  do {
    const chunk = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    await call('imports.upload', { fileId, fileName, offset, data: chunk.toString('base64') });
    offset += chunk.length;
  } while (offset < bytes.length);
  return fileId;
}

/** The wizard's steps through dispatch: upload + preview, then a dry run or commit with the suggested mapping. */
export function importer(call: Call) {
  return {
    async preview(bytes: Buffer, fileName: string, kind: ImportRunInput['kind'] = 'customers') {
      const fileId = await upload(call, bytes, fileName);
      const preview = await call<ImportPreview>('imports.preview', { fileId, kind });
      return { fileId, preview };
    },
    run(
      channel: 'imports.dryRun' | 'imports.commit',
      fileId: string,
      preview: ImportPreview,
      input: Partial<ImportRunInput> = {},
    ): Promise<ImportSummary> {
      return call<ImportSummary>(channel, runInput(fileId, preview, input));
    },
  };
}

/** The dry run / commit input the wizard sends after a preview (a fresh jobId unless given). */
export function runInput(fileId: string, preview: ImportPreview, input: Partial<ImportRunInput> = {}) {
  return {
    jobId: randomUUID(),
    fileId,
    kind: 'customers',
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    headerRow: preview.headerRow,
    mapping: preview.mapping,
    ...input,
  } satisfies ImportRunInput;
}

/** What the owner sees of the database: how many live customers, and how many imports in the history. */
export async function storedCounts(call: Call): Promise<{ customers: number; imports: number }> {
  const page = await call<CustomerPage>('customers.list', { limit: 1 });
  const history = await call<ImportHistoryEntry[]>('imports.list', {});
  return { customers: page.total, imports: history.length };
}
