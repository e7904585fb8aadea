import { API_ERRORS, type ApiErrorRow } from '../api/errors';
import { isRecord } from '../api/fields';

/**
 * A contract error row, thrown wherever a rule is broken and turned into the error body by the
 * app's error handler: each rule reads as one line, and the first broken one answers.
 */
export class ApiFailure extends Error {
  constructor(readonly row: ApiErrorRow, options?: ErrorOptions) {
    super(`${row.code}: ${row.message}`, options);
  }
}

/** Answers with this row. A function declaration (not an arrow) so that TS narrows after it. */
export function fail(row: ApiErrorRow): never {
  throw new ApiFailure(row);
}

/** Bodies and query strings come from anyone: anything but a JSON object is invalid input. */
export const recordOrFail = (value: unknown): Record<string, unknown> =>
  isRecord(value) ? value : fail(API_ERRORS.invalidUserInput);
