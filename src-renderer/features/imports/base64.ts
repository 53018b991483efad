/**
 * Bytes to and from base64, the form files take on the wire (the web door's JSON bodies and
 * IPC alike), without the DOM or Node's Buffer.
 */

/** Characters handed to String.fromCharCode at once: well under every engine's argument limit. */
const CHAR_CODE_BATCH = 0x8000;

/** `btoa` only takes a "binary string", one character per byte. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHAR_CODE_BATCH) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHAR_CODE_BATCH));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
