/**
 * When to ask again. Only failures that may not recur (no answer, a busy or overloaded server)
 * are retried, with exponential backoff; a `Retry-After` is honoured to the millisecond. Orders
 * are retried only with their Idempotency-Key, so a retry can never make a second order.
 */
import { isOffRampError } from '../api/errors';

export const QUOTE_ATTEMPTS = 4;
export const ORDER_ATTEMPTS = 3;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

export const retryWhile = (attempts: number) => (failureCount: number, error: unknown) =>
  isOffRampError(error) && error.retryable && failureCount < attempts - 1;

export const retryDelay = (failureCount: number, error: unknown) =>
  (isOffRampError(error) ? error.retryAfterMs : undefined) ?? Math.min(BASE_DELAY_MS * 2 ** failureCount, MAX_DELAY_MS);
