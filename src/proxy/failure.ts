/** A failure of the proxy itself (not an answer of the API): answered with its row, logged as `event`. */
import type { ApiErrorRow } from '../api/errors';

export interface FailureDetails {
  /** Headers for the answer (`Retry-After`). */
  headers?: Record<string, string>;
  /**
   * Whether the request may have reached the API (and so an order may exist): true for a time-out
   * or an unreadable answer, false when nothing was sent (the connection was refused).
   */
  mayHaveReachedApi?: boolean;
}

export class ProxyFailure extends Error {
  constructor(
    readonly row: ApiErrorRow,
    readonly event: string,
    cause: unknown,
    readonly details: FailureDetails = {},
  ) {
    super(row.message, { cause });
  }
}
