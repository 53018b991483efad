import type { DownloadFile } from '../../../src-shared/contract';
import { base64ToBytes } from './base64';

/** Long enough for the browser to have started the download before its URL is revoked. */
const REVOKE_AFTER_MS = 10_000;

/**
 * Offers a file the backend made (an export, the rejected rows) as a download. The web door cannot
 * write to the owner's disk, so the bytes come back as base64 and the browser saves them.
 */
export function saveDownload(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
