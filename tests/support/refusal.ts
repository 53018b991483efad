import { expect } from 'vitest';
import { AppError } from '../../src-main/core/errors';

/** The AppError `run` throws, for assertions on its code and issues; fails the test when `run` succeeds. */
export function refusalOf(run: () => unknown, whatShouldRefuse = 'the call'): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`expected ${whatShouldRefuse} to be refused`);
}
