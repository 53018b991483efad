import type { ErrorBody, ErrorCode, FieldIssue } from '../../src-shared/contract';

/**
 * The one error type the UI handles. Every transport turns `{ ok: false }` envelopes and its own
 * failures (network down, 404) into this, so components can translate by `code` without caring
 * which door they run behind.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

/** Anything thrown by a store action, reduced to an ApiError so the UI has one thing to translate. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: 'INTERNAL', message });
}
