import type { Channel, Envelope, ErrorCode, PushEvent } from '../../src-shared/contract';
import { pushEvents } from '../../src-shared/contract';
import type { PushListener, Transport } from './transport';

/** The web door injects its per-run bearer token into the page it serves. */
export function readWebDoorToken(doc: Document): string {
  return doc.querySelector('meta[name="solocrm-token"]')?.getAttribute('content') ?? '';
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'UNKNOWN_CHANNEL';
  if (status === 401 || status === 403) return 'FORBIDDEN';
  return 'INTERNAL';
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isPushEvent(value: unknown): value is PushEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(pushEvents, type)) return false;
  return pushEvents[type as keyof typeof pushEvents].safeParse(payload).success;
}

/**
 * HTTP + server-sent events against the loopback web door. Failures that never reached the
 * dispatcher (network, 401/403/404, a non-JSON body) become envelopes too, so the client has one path.
 */
export function createWebTransport(token: string): Transport {
  const listeners = new Set<PushListener>();
  let source: EventSource | null = null;
  let lostConnection = false;

  const emit = (event: PushEvent) => listeners.forEach((listener) => listener(event));

  const connect = () => {
    source = new EventSource('/events?token=' + encodeURIComponent(token));
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return; // A malformed event is not worth breaking the page over.
      }
      if (isPushEvent(parsed)) emit(parsed);
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      // Events sent while we were disconnected are lost: ask everything to refetch once.
      if (!lostConnection) return;
      lostConnection = false;
      for (const entity of pushEvents['data.changed'].shape.entity.options) {
        emit({ type: 'data.changed', payload: { entity } });
      }
    };
  };

  return {
    async invoke(channel: Channel, input: unknown) {
      let response: Response;
      try {
        response = await fetch('/rpc/' + channel, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
          body: JSON.stringify({ input }),
        });
      } catch (error) {
        return failure('IO', error instanceof Error ? error.message : 'Network error');
      }
      const body: unknown = await response.json().catch(() => null);
      if (isEnvelope(body)) return body;
      return failure(codeForStatus(response.status), `HTTP ${response.status} from /rpc/${channel}`);
    },
    subscribe(listener) {
      listeners.add(listener);
      // One EventSource for the page, opened lazily by the first subscriber.
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
