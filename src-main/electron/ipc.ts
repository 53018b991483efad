import { BrowserWindow, ipcMain } from 'electron';
import type { Envelope } from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import { isOwnPage } from './pageOrigin';

export const RPC_CHANNEL = 'solocrm:rpc';
export const EVENT_CHANNEL = 'solocrm:event';

/**
 * Every channel goes through one IPC handler into `dispatch`, after checking who is asking: any of
 * our windows (the main one, the quick capture) may call, because the check is on the sender's page.
 */
export function bindIpc(backend: Backend, devServerUrl: string | undefined): void {
  ipcMain.handle(RPC_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Envelope<unknown>> => {
    // senderFrame is null once the frame navigated away or was destroyed: treat that as foreign.
    if (!isOwnPage(event.senderFrame?.url, devServerUrl) || typeof channel !== 'string') {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call SoloCRM.' } };
    }
    return backend.dispatch(channel, input);
  });
  // Windows come and go (the quick capture), so each push goes to the ones open now, and only to
  // those showing our own page. The subscription lives as long as the process.
  backend.subscribe((pushEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isOwnPage(contents.getURL(), devServerUrl)) {
        contents.send(EVENT_CHANNEL, pushEvent);
      }
    }
  });
}
