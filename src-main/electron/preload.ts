import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../../src-shared/contract/channelNames';
import type { PushEvent } from '../../src-shared/contract/events';

// Duplicated from ipc.ts on purpose: the sandboxed preload is bundled alone and must not pull in main-process code.
const RPC_CHANNEL = 'solocrm:rpc';
const EVENT_CHANNEL = 'solocrm:event';
const allowed = new Set<string>(CHANNEL_NAMES);

/** The page gets exactly two functions; no ipcRenderer, no Node, no event objects that leak `sender`. */
contextBridge.exposeInMainWorld('crm', {
  invoke: (channel: string, input: unknown) => {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${channel}` },
      });
    }
    return ipcRenderer.invoke(RPC_CHANNEL, channel, input);
  },
  on: (listener: (event: PushEvent) => void) => {
    const forward = (_event: unknown, pushEvent: PushEvent) => listener(pushEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
});
