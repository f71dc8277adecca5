/** Awaits a promise that must reject with an AppError, and returns that error for assertions. */
import { AppError } from '../../src/errors';

export async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
