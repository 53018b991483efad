import { contract, toFieldIssues, type Channel } from '../../src-shared/contract';
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

/**
 * `call`, with the backend's field issues renamed to the flags the person typed (the service
 * names `closedOn`, the person typed `--on`).
 */
export async function callNaming<T>(
  backend: Backend,
  channel: string,
  input: unknown,
  flagOf: (path: string) => string,
): Promise<T> {
  try {
    return await call<T>(backend, channel, input);
  } catch (error) {
    if (!(error instanceof AppError) || !error.issues) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, path: flagOf(issue.path) }));
    throw new AppError(error.code, error.message, issues);
  }
}

/**
 * Checks a command's input against the channel's own schema while parsing, before any database
 * is opened, so refused input creates nothing. Issues are renamed to the flags the person typed.
 */
export function checkInput(channel: Channel, input: unknown, flagOf: (path: string) => string): void {
  const parsed = contract[channel].input.safeParse(input);
  if (parsed.success) return;
  const issues = toFieldIssues(parsed.error, input).map((issue) => ({ ...issue, path: flagOf(issue.path) }));
  throw new AppError(
    'VALIDATION',
    issues.map((issue) => `--${issue.path}: ${issue.message}`).join('; '),
    issues,
  );
}

/** A flag's text as a number when it reads as one, else as typed (the schema then names it). */
export const numberFlag = (value: string | undefined): number | string | undefined =>
  value !== undefined && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** The flags that were given: an unset optional flag must not reach the schema as `undefined`. */
export const defined = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

/** A record id typed on the command line (`42`); `noun` names it in the refusal ("deal", "task"). */
export function recordIdArg(typed: string | undefined, noun: string): number {
  const id = typed !== undefined && /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new AppError(
      'VALIDATION',
      `"${typed ?? ''}" is not a ${noun} id: ids are whole numbers such as 42.`,
    );
  }
  return id;
}

export class UsageError extends Error {}

/** A parsed command, ready to run once the backend is open. */
export type CliAction = (backend: Backend, io: CliIo, json: boolean) => Promise<void>;
