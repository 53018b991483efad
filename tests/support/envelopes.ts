import { expect } from 'vitest';
import type { Backend } from '../../src-main/backend/createBackend';
import type { Envelope, ErrorBody, ErrorCode } from '../../src-shared/contract';

/** The data of an `ok` envelope; fails the test with the error body otherwise. */
export function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** The error body of a failed envelope with the given code. */
export function errorOf(envelope: Envelope<unknown>, code: ErrorCode): ErrorBody {
  expect(envelope).toMatchObject({ ok: false, error: { code } });
  return (envelope as { ok: false; error: ErrorBody }).error;
}

/** `backend.dispatch` returning the data, for the steps a test only sets up with. */
export function caller(backend: () => Backend) {
  return async <T>(channel: string, input?: unknown): Promise<T> =>
    dataOf<T>(await backend().dispatch(channel, input));
}
