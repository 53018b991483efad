import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../src-shared/contract';
import { createApiClient, type ApiClient } from '../../src-renderer/api/client';
import { uploadFile } from '../../src-renderer/features/imports/uploadFile';
import { useTempBackend } from '../support/tempBackend';

/**
 * The page's chunked upload against the real backend on a real SQLite file: the same client the
 * page uses, over the backend's dispatch instead of HTTP or IPC.
 */
function useApi(): ApiClient {
  const t = useTempBackend();
  return createApiClient({
    invoke: (channel, input) => t.backend.dispatch(channel, input),
    subscribe: (listener) => t.backend.subscribe(listener),
  });
}

const csvFile = (name: string, bytes: Uint8Array | string) => new File([bytes], name, { type: 'text/csv' });

describe('uploadFile (real backend)', () => {
  it('sends a file of several chunks in order; the backend reads it back whole', async () => {
    const api = useApi();
    const rows = ['Name,Email,City'];
    const rowCount = Math.ceil(
      (UPLOAD_CHUNK_BYTES * 2.5) / 'Customer 00000,c00000@example.com,Hangzhou\n'.length,
    );
    for (let index = 0; index < rowCount; index++) {
      rows.push(`Customer ${index},c${index}@example.com,Hangzhou`);
    }
    const file = csvFile('many.csv', rows.join('\n') + '\n');
    const progress: number[] = [];

    const fileId = await uploadFile(api, file, (done) => progress.push(done));
    const preview = await api.invoke('imports.preview', { fileId, kind: 'customers' });

    expect(progress).toEqual([UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2, file.size]);
    const sent = new Uint8Array(await file.arrayBuffer());
    expect(preview.sha256).toBe(createHash('sha256').update(sent).digest('hex'));
    expect(preview.bytes).toBe(file.size);
    expect(preview.mapping).toEqual(['name', 'email', 'city']);
  });

  it('keeps the bytes exactly, even with a GBK character astride a chunk boundary', async () => {
    const api = useApi();
    // 'N\n' then 5-byte rows: (UPLOAD_CHUNK_BYTES - 2) % 5 === 1, so the boundary splits a 张.
    const text = 'N\n' + '张三\n'.repeat(Math.ceil(UPLOAD_CHUNK_BYTES / 5) + 10);
    const bytes = iconv.encode(text, 'gbk');
    expect((UPLOAD_CHUNK_BYTES - 2) % 5).toBe(1);

    const fileId = await uploadFile(api, csvFile('gbk.csv', bytes), () => {});
    const preview = await api.invoke('imports.preview', { fileId, kind: 'customers' });

    expect(preview.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(preview.encoding).toBe('gb18030');
    expect(preview.rows[0]).toEqual(['张三']);
  });

  it('sends an empty file once, so the backend can say it is empty', async () => {
    const api = useApi();
    const fileId = await uploadFile(api, csvFile('empty.csv', ''), () => {});
    await expect(api.invoke('imports.preview', { fileId, kind: 'customers' })).rejects.toMatchObject({
      issues: [{ code: 'file_empty' }],
    });
  });
});
