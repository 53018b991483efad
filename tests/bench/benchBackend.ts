import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../src-main/backend/createBackend';

/** The built app's backend (out/main/worker.js: what ships, not the TypeScript source) on `<dir>/<name>`. */
export function openBenchBackend(dir: string, name: string): Backend {
  return createBackend({
    dbFile: join(dir, name, 'solocrm.db'),
    migrationsDir: resolve('migrations'),
    workerFile: resolve('out/main/worker.js'),
    door: 'test',
    version: 'bench',
  });
}

/** A channel's data, or the bench stops with the refusal. */
export async function call<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const envelope = await backend.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data as T;
}
