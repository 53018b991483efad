import type { Channel, ChannelInput, ChannelOutput, PushEvent } from '../../src-shared/contract';
import { ApiError } from './ApiError';
import type { PushListener, Transport } from './transport';

export interface ApiClient {
  /** Calls a channel; resolves with its data or rejects with an ApiError. */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Listens to server push events; returns an unsubscribe function. */
  onEvent(listener: PushListener): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const envelope = await transport.invoke(channel, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      // The dispatcher has already validated the output against the same contract this type comes from.
      return envelope.data as ChannelOutput<C>;
    },
    onEvent(listener: (event: PushEvent) => void) {
      return transport.subscribe(listener);
    },
  };
}
