import { ipcMain, type BrowserWindow } from 'electron';
import type { Envelope } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import { isOwnPage } from './pageOrigin';

export const RPC_CHANNEL = 'solocrm:rpc';
export const EVENT_CHANNEL = 'solocrm:event';

/** Every channel goes through one IPC handler into `dispatch`, after checking who is asking. */
export function bindIpc(backend: Backend, window: BrowserWindow, devServerUrl: string | undefined): void {
  ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    // senderFrame is null once the frame navigated away or was destroyed: treat that as foreign.
    if (!isOwnPage(event.senderFrame?.url, devServerUrl) || typeof channel !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call SoloCRM.' } };
    }
    return backend.dispatch(channel, input);
  });
  // The app quits with its only window, so this subscription lives as long as the process.
  backend.subscribe((pushEvent) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, pushEvent);
  });
}
