/**
 * A lazily loaded value inside Suspense, on React 18 and 19 alike: React 19's `use(promise)` does
 * not exist in 18, so this suspends the way both understand, by throwing the promise until it has
 * settled. The promise's outcome is written on the promise itself (`status`, `value`, `reason`, the
 * fields React 19 reads too), so the render that Suspense retries finds it synchronously.
 *
 * Pass the value itself when it is already at hand (`loadedX(id) ?? loadX(id)`): a promise seen for
 * the first time always suspends once, even if it has long resolved.
 */
export type TrackedPromise<T> = Promise<T> & {
  status?: 'pending' | 'fulfilled' | 'rejected';
  value?: T;
  reason?: unknown;
};

/** Writes the promise's outcome on itself, as React 19's `use` reads it. */
export const track = <T>(promise: TrackedPromise<T>) => {
  promise.status = 'pending';
  promise.then(
    (value) => {
      promise.status = 'fulfilled';
      promise.value = value;
    },
    (reason: unknown) => {
      promise.status = 'rejected';
      promise.reason = reason;
    },
  );
};

/** The value, or the promise's value once it has resolved (the caller suspends until then). A loader must return the same promise each time. */
export function useLoaded<T>(valueOrPromise: T | Promise<T>): T {
  if (!(valueOrPromise instanceof Promise)) return valueOrPromise;
  const promise = valueOrPromise as TrackedPromise<T>;
  if (promise.status === undefined) track(promise);
  if (promise.status === 'fulfilled') return promise.value as T;
  if (promise.status === 'rejected') throw promise.reason;
  throw promise;
}
