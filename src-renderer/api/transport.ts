import type { Channel, Envelope, PushEvent } from '../../src-shared/contract';

export type PushListener = (event: PushEvent) => void;

/**
 * The untyped wire under the typed client. Each door implements exactly this; nothing above it
 * knows whether it is talking to Electron IPC or to the loopback HTTP server.
 */
export interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: PushListener): () => void;
}
