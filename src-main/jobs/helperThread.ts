import { MessageChannel, type MessagePort, type ResourceLimits, type Worker } from 'node:worker_threads';
import type { JobContext } from './context';

/** A helper thread of a job and the job's end of the channel to it. */
export interface HelperThread {
  port: MessagePort;
  /** Closes the channel and ends the thread; what it had not sent yet is dropped. */
  stop(): void;
}

/**
 * Starts a helper thread in `role` with a channel to it (`port` in its data). A helper only
 * speeds a job up, so none is not an error: null when the job runs without helper threads or no
 * thread can be had (out of threads or memory), and a helper that fails later only stops helping.
 */
export function startHelperThread(
  startHelper: JobContext['startHelper'],
  data: (port: MessagePort) => { role: string },
  limits: ResourceLimits,
): HelperThread | null {
  if (!startHelper) return null;
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = startHelper(data(port2), [port2], limits);
  } catch {
    port1.close();
    return null;
  }
  worker.on('error', () => undefined);
  return {
    port: port1,
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}
