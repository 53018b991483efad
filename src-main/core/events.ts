import type { PushEvent } from '../../src-shared/contract';

export type PushListener = (event: PushEvent) => void;

/** Fan-out of push events to whichever doors are listening (IPC window, SSE clients). */
export class EventHub {
  private readonly listeners = new Set<PushListener>();

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PushEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken listener (a closed SSE socket) must not stop the others.
      }
    }
  }
}
