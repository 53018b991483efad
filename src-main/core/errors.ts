import type { ErrorBody, ErrorCode, FieldIssue } from '../../src-shared/contract';

/** The one error type services throw; the dispatcher turns it into an envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError('NOT_FOUND', `${what} ${id} does not exist`);

/** SQLite errors the user can act on (disk full, read-only, locked) become IO; the rest stay INTERNAL. */
export function fromUnknown(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|PERM)/.test(code)) {
      return new AppError('IO', `The database could not be written (${code}). Nothing was changed.`);
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return new AppError(
        'CONFLICT',
        `The change conflicts with existing data (${code}). Nothing was changed.`,
      );
    }
  }
  return new AppError('INTERNAL', 'Something went wrong inside SoloCRM. Nothing was changed.');
}

/** A VALIDATION error naming each field, for checks a schema cannot make (references, custom fields). */
export function invalidFields(issues: FieldIssue[]): AppError {
  return new AppError(
    'VALIDATION',
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    issues,
  );
}
