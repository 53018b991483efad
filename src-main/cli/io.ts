import type { Backend } from '../backend/createBackend';
import { AppError } from '../core/errors';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Calls a channel and returns its data, or throws the envelope's error so the runner can print it. */
export async function call<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const envelope = await backend.dispatch(channel, input);
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error.issues);
  return envelope.data as T;
}

export class UsageError extends Error {}

/** A parsed command, ready to run once the backend is open. */
export type CliAction = (backend: Backend, io: CliIo, json: boolean) => Promise<void>;
