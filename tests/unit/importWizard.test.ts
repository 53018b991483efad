import { describe, expect, it } from 'vitest';
import {
  IMPORT_TARGETS,
  REJECT_CODES,
  UPLOAD_CHUNK_BYTES,
  uploadInput,
  WARNING_CODES,
} from '../../src-shared/contract';
import { base64ToBytes, bytesToBase64 } from '../../src-renderer/features/imports/base64';
import { mappingReducer } from '../../src-renderer/features/imports/mappingState';
import { chunkRanges } from '../../src-renderer/features/imports/uploadFile';
import { en } from '../../src-renderer/i18n/en';
import { zhCN } from '../../src-renderer/i18n/zh-CN';

/** Bytes 0..255 repeated: every byte value, so a lossy encoding step would show. */
const everyByte = (length: number) => Uint8Array.from({ length }, (_, index) => index % 256);

describe('upload chunking', () => {
  it('cuts a file into UPLOAD_CHUNK_BYTES pieces, in order, the last one short', () => {
    const size = UPLOAD_CHUNK_BYTES * 2 + 10;
    expect(chunkRanges(size)).toEqual([
      { offset: 0, end: UPLOAD_CHUNK_BYTES },
      { offset: UPLOAD_CHUNK_BYTES, end: UPLOAD_CHUNK_BYTES * 2 },
      { offset: UPLOAD_CHUNK_BYTES * 2, end: size },
    ]);
  });

  it('sends a file of exactly one chunk as one chunk', () => {
    expect(chunkRanges(UPLOAD_CHUNK_BYTES)).toEqual([{ offset: 0, end: UPLOAD_CHUNK_BYTES }]);
  });

  it('still sends an empty file once, so the backend can say it is empty', () => {
    expect(chunkRanges(0)).toEqual([{ offset: 0, end: 0 }]);
  });

  it('encodes every byte value as Node does, across the batching boundary', () => {
    const bytes = everyByte(0x8000 * 2 + 7);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('keeps a full chunk under the upload channel’s base64 limit', () => {
    const data = bytesToBase64(everyByte(UPLOAD_CHUNK_BYTES));
    const input = { fileId: crypto.randomUUID(), fileName: 'a.csv', offset: 0, data };
    expect(uploadInput.safeParse(input).success).toBe(true);
  });

  it('decodes a download back to the same bytes', () => {
    const bytes = everyByte(1000);
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
  });
});

describe('mapping reducer', () => {
  const suggested = ['name', 'phone', 'email', null];

  it('takes a new preview’s suggestions whole', () => {
    expect(mappingReducer(['city'], { type: 'reset', mapping: suggested })).toEqual(suggested);
  });

  it('ignores a column when its target is cleared', () => {
    expect(mappingReducer(suggested, { type: 'set', column: 2, target: null })).toEqual([
      'name',
      'phone',
      null,
      null,
    ]);
  });

  it('moves a single-value field rather than giving it two columns', () => {
    expect(mappingReducer(suggested, { type: 'set', column: 3, target: 'name' })).toEqual([
      null,
      'phone',
      'email',
      'name',
    ]);
  });

  it('lets phones, emails and tags take several columns', () => {
    expect(mappingReducer(suggested, { type: 'set', column: 3, target: 'phone' })).toEqual([
      'name',
      'phone',
      'email',
      'phone',
    ]);
  });

  it('applies a template by header name, whatever order the columns are in now', () => {
    const template = { headers: ['手机', '姓名', '备注'], mapping: ['phone', 'name', null] };
    const headers = ['姓名', '备注', '手机', '城市'];
    const current = ['company', 'notes', null, 'city'];
    expect(mappingReducer(current, { type: 'template', template, headers })).toEqual([
      'name',
      null,
      'phone',
      // A column the template does not know keeps what it had.
      'city',
    ]);
  });
});

describe('import labels in both catalogs', () => {
  const catalogs = { en, 'zh-CN': zhCN } as Record<string, Record<string, string>>;
  const needed = [
    ...[...new Set(Object.values(IMPORT_TARGETS).flat())].map((target) => `imports.target.${target}`),
    ...REJECT_CODES.map((code) => `imports.reject.${code}`),
    ...WARNING_CODES.map((code) => `imports.warning.${code}`),
  ];

  it.each(Object.keys(catalogs))('%s names every target, reject reason and warning', (locale) => {
    expect(needed.filter((key) => !catalogs[locale]?.[key])).toEqual([]);
  });
});
