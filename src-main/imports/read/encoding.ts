import iconv from 'iconv-lite';
import type { TextEncoding } from '../../../src-shared/contract';

export type EncodingSource = 'bom' | 'utf8' | 'fallback';

/** Bytes of the head the UTF-16 zero-byte pattern is judged on: enough lines, cheap to count. */
const UTF16_PATTERN_BYTES = 4096;

/**
 * Excel's "Unicode Text" and some exports are UTF-16 without a byte-order mark. Their ASCII
 * characters (digits, delimiters, line breaks) have a zero high byte, so one byte position of
 * each pair is often zero and the other almost never: odd positions for LE, even for BE.
 * CJK characters like 一 (U+4E00) put a zero in the "wrong" position now and then, hence a ratio
 * rather than "never". Random binary has zeros on both positions and matches neither.
 */
export function utf16ByZeroPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(head.length, UTF16_PATTERN_BYTES) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.1 && evenZeros * 4 < oddZeros) return 'utf-16le';
  if (evenZeros >= pairs * 0.1 && oddZeros * 4 < evenZeros) return 'utf-16be';
  return null;
}

export function bomEncoding(head: Uint8Array): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The head is cut at an arbitrary byte, so a valid UTF-8 file can end the head in the middle of
 * a multibyte character. Cut that incomplete sequence off (at most the 3 bytes a 4-byte
 * sequence can leave behind) so the strict decode only fails on really invalid bytes.
 */
function withoutCutOffSequence(head: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, head.length); back++) {
    const byte = head[head.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? head.subarray(0, head.length - back) : head;
  }
  return head;
}

function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * BOM first, then UTF-16 by its zero bytes, then strict UTF-8 (valid GBK Chinese is practically
 * never valid UTF-8), then GB18030, the superset of GB2312/GBK: the owner can still choose
 * another encoding in the preview.
 */
export function detectEncoding(head: Uint8Array): { encoding: TextEncoding; source: EncodingSource } {
  const byBom = bomEncoding(head);
  if (byBom) return { encoding: byBom, source: 'bom' };
  const utf16 = utf16ByZeroPattern(head);
  if (utf16) return { encoding: utf16, source: 'fallback' };
  if (isStrictUtf8(withoutCutOffSequence(head))) return { encoding: 'utf-8', source: 'utf8' };
  return { encoding: 'gb18030', source: 'fallback' };
}

/** Decodes a whole buffer (a preview head), dropping the byte-order mark. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  const text = iconv.decode(bytes, encoding, { stripBOM: true });
  // iconv-lite strips the UTF-8/UTF-16 marks but keeps GB18030's own (84 31 95 33 → U+FEFF).
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** A stream that turns the file's bytes into text, dropping the byte-order mark. */
export function decoderStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}
