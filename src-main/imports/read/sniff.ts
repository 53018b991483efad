import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { IssueCode } from '../../../src-shared/contract';
import { MAX_IMPORT_BYTES } from '../../../src-shared/contract/importTerms';
import { AppError } from '../../core/errors';
import { bomEncoding, decodeText, detectEncoding, utf16ByZeroPattern } from './encoding';

/** The first bytes of a file (what encoding, delimiter and preview are judged on) and its size. */
export function readHead(file: string, bytes = 256 * 1024): { head: Uint8Array; totalBytes: number } {
  const fd = openSync(file, 'r');
  try {
    const totalBytes = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(bytes, totalBytes));
    let filled = 0;
    while (filled < head.length) {
      const read = readSync(fd, head, filled, head.length - filled, filled);
      if (read === 0) break; // the file shrank while we read it
      filled += read;
    }
    return { head: head.subarray(0, filled), totalBytes };
  } finally {
    closeSync(fd);
  }
}

function refuse(code: IssueCode, message: string, params?: Record<string, number>): never {
  throw new AppError('VALIDATION', message, [
    params ? { path: 'file', code, message, params } : { path: 'file', code, message },
  ]);
}

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((byte, i) => head[i] === byte);

const SAVE_AS_CSV = 'Save it as CSV (UTF-8) in Excel and choose that file.';

/** Signatures of files people pick by mistake instead of the CSV they exported. */
const SIGNATURES: { magic: number[]; code: IssueCode; message: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    code: 'file_xlsx',
    message: `This is an Excel workbook (.xlsx) or another zip file, not a CSV file. ${SAVE_AS_CSV}`,
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    code: 'file_xlsx',
    message: `This is an old Excel workbook (.xls), not a CSV file. ${SAVE_AS_CSV}`,
  },
  {
    magic: [0x25, 0x50, 0x44, 0x46], // %PDF
    code: 'file_binary',
    message: 'This is a PDF document, not a table. Export the data as CSV and choose that file.',
  },
  {
    magic: [0x89, 0x50, 0x4e, 0x47], // PNG
    code: 'file_binary',
    message: 'This is an image (PNG), not a table. Export the data as CSV and choose that file.',
  },
  {
    magic: [0xff, 0xd8, 0xff], // JPEG
    code: 'file_binary',
    message: 'This is an image (JPEG), not a table. Export the data as CSV and choose that file.',
  },
  {
    magic: [0x47, 0x49, 0x46, 0x38], // GIF8
    code: 'file_binary',
    message: 'This is an image (GIF), not a table. Export the data as CSV and choose that file.',
  },
];

/**
 * Refuses files that cannot be a CSV or vCard before anything is parsed, each with a message
 * that says what to do instead. `head` is the start of the file (readHead).
 */
export function checkTextFile(head: Uint8Array, totalBytes: number): void {
  if (totalBytes === 0)
    refuse('file_empty', 'The file is empty. Export the data again and choose that file.');
  if (totalBytes > MAX_IMPORT_BYTES) {
    const max = MAX_IMPORT_BYTES / (1024 * 1024);
    refuse(
      'file_too_large',
      `The file is larger than ${max} MB. Split it into smaller CSV files and import them one after another.`,
      { max },
    );
  }
  const signature = SIGNATURES.find(({ magic }) => startsWith(head, magic));
  if (signature) refuse(signature.code, signature.message);
  const utf16 = bomEncoding(head)?.startsWith('utf-16') || utf16ByZeroPattern(head) !== null;
  if (!utf16 && head.includes(0)) {
    refuse('file_binary', `This file contains binary data, so it is not a text table. ${SAVE_AS_CSV}`);
  }
  // A head of only blanks (or only a byte-order mark) in a file this size has no table in it.
  if (decodeText(head, detectEncoding(head).encoding).trim() === '') {
    refuse('file_empty', 'The file has no text in it. Export the data again and choose that file.');
  }
}

/** vCard files (.vcf) are read by their own reader; they may start with blank lines (`\s` covers a BOM). */
export function looksLikeVcard(text: string): boolean {
  return /^\s*BEGIN:VCARD[ \t]*(\r|\n|$)/i.test(text);
}
