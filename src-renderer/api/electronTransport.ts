import type { Channel, Envelope, PushEvent } from '../../src-shared/contract';
import type { PushListener, Transport } from './transport';

/** What the preload exposes through contextBridge, and nothing more. */
export interface CrmBridge {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on(listener: (event: PushEvent) => void): () => void;
}

declare global {
  interface Window {
    crm?: CrmBridge;
  }
}

export function createElectronTransport(bridge: CrmBridge): Transport {
  return {
    invoke: (channel, input) => bridge.invoke(channel, input),
    subscribe: (listener: PushListener) => bridge.on(listener),
  };
}
