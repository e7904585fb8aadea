/**
 * Deadlines: on upstream calls (a request's own time-out) and on every store call, so a store that
 * hangs (Redis down, a client retrying for a minute) turns into a prompt 503 instead of a stalled
 * request.
 */
import { PROXY_FAILURES } from '../api/errors';
import { ProxyFailure } from './failure';
import type { ProxyStore } from './store';

/** Rejects when `signal` aborts, even if `promise` (a custom fetch, the sandbox) ignores the signal. */
export const abortable = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/** Assumed: how long a client should wait before asking again after a store failure. */
export const STORE_RETRY_AFTER_SECONDS = 2;

const storeFailure = (cause: unknown) =>
  new ProxyFailure(PROXY_FAILURES.storeUnavailable, 'store-error', cause, {
    headers: { 'retry-after': String(STORE_RETRY_AFTER_SECONDS) },
  });

/** `promise`, or a `store-error` failure when it rejects or takes longer than `ms`. */
const withinMs = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(storeFailure(new Error(`store ${what} took over ${ms} ms`))), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(storeFailure(error))),
    );
  });

/**
 * The store, each call bounded by `ms`; a call that fails or runs late rejects with a `store-error`
 * ProxyFailure (503 `STORE_UNAVAILABLE`). A claim that wins after its caller gave up is released
 * at once, so the key is not left in flight by a request that answered 503 and forwarded nothing.
 */
export function withStoreDeadline(store: ProxyStore, ms: number): ProxyStore {
  return {
    get: (key) => withinMs(store.get(key), ms, 'get'),
    claim(key, claim, ttlMs) {
      const pending = store.claim(key, claim, ttlMs);
      return withinMs(pending, ms, 'claim').catch((error: unknown) => {
        pending.then((late) => (late === undefined ? store.release(key, claim) : undefined)).catch(() => {});
        throw error;
      });
    },
    swap: (key, expected, next, ttlMs) => withinMs(store.swap(key, expected, next, ttlMs), ms, 'swap'),
    release: (key, expected) => withinMs(store.release(key, expected), ms, 'release'),
    hit: (key, windowMs) => withinMs(store.hit(key, windowMs), ms, 'hit'),
  };
}
