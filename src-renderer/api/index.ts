import { createApiClient, type ApiClient } from './client';
import { createElectronTransport } from './electronTransport';
import { createWebTransport, readWebDoorToken } from './webTransport';

export type { ApiClient } from './client';
export { ApiError, toApiError } from './ApiError';

/** Picks the door the page was opened through: the preload bridge in Electron, HTTP everywhere else. */
export function createDefaultApiClient(win: Window): ApiClient {
  const transport = win.crm
    ? createElectronTransport(win.crm)
    : createWebTransport(readWebDoorToken(win.document));
  return createApiClient(transport);
}
