import { UPLOAD_CHUNK_BYTES } from '../../../src-shared/contract';
import type { ApiClient } from '../../api/client';
import { bytesToBase64 } from './base64';

/** Byte ranges `[offset, end)` a file of `size` bytes is sent in, in order. An empty file is one empty chunk. */
export function chunkRanges(
  size: number,
  chunkBytes = UPLOAD_CHUNK_BYTES,
): { offset: number; end: number }[] {
  const ranges = [{ offset: 0, end: Math.min(size, chunkBytes) }];
  for (let offset = chunkBytes; offset < size; offset += chunkBytes) {
    ranges.push({ offset, end: Math.min(size, offset + chunkBytes) });
  }
  return ranges;
}

/**
 * Stages a file on the backend in UPLOAD_CHUNK_BYTES chunks (so the web door's body cap never
 * refuses it) and returns its id. The bytes go as they are: decoding is the backend's job, because
 * the owner may have to choose the encoding.
 */
export async function uploadFile(
  api: ApiClient,
  file: File,
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const fileId = crypto.randomUUID();
  for (const { offset, end } of chunkRanges(file.size)) {
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    await api.invoke('imports.upload', { fileId, fileName: file.name, offset, data: bytesToBase64(bytes) });
    onProgress(end, file.size);
  }
  return fileId;
}
