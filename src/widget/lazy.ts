/**
 * Parts of the widget that download on demand (the Send and Status steps, the bank rails, the
 * catalogues), retried: a phone on a bad signal must not turn an order that exists into an error
 * that stays. Each download is tried again after 0.5 s, 1 s and 2 s; once it has given up, the
 * failure is what renders see (so the step shows its error) until a step starts again
 * (`retryFailedLoads`), and the next ask downloads anew. `React.lazy` would keep a failure for good.
 */
import { createElement, type ComponentType } from 'react';
import { track, useLoaded, type TrackedPromise } from './hooks/useLoaded';

export const RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000];


/** What forgets each download that gave up. */
const gaveUp = new Set<() => void>();

/** Every download that gave up downloads again when next asked for ("Start this step again", a new step). */
export const retryFailedLoads = () => {
  for (const forget of gaveUp) forget();
  gaveUp.clear();
};

/**
 * The URL of the module a failed `import()` names: Chromium says "Failed to fetch dynamically
 * imported module: <url>" (the imported module's, even when one of its own imports failed), Firefox
 * "error loading dynamically imported module: <url>". Safari names none. A bundler's own chunk
 * loader (webpack's) names none either, and loads a failed chunk again by itself.
 */
const failedModuleUrl = (error: unknown) => /dynamically imported module: (\S+)/.exec(String((error as Error | undefined)?.message))?.[1];

/**
 * The same module under a URL of its own, for browsers that keep a failed fetch in their module map
 * (the rule until whatwg/html#10327), where importing the same URL again fails at once, without a
 * request: Firefox and Safari, and Chromium before it took the change up. Chromium 156 fetches
 * again, so a retry tries the same URL first: a module under two URLs exists twice if anything
 * imports the plain one (the dev server's refresh code does). Only the module itself is fetched
 * anew; one of its own imports that failed stays failed in those browsers. Safari names no URL, so
 * there only a reload helps. `t` is a query the dev server ignores.
 */
const withFreshUrl = (url: string) => {
  const fresh = new URL(url);
  fresh.searchParams.set('t', String(Date.now()));
  return fresh.href;
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries<T>(load: () => Promise<T>, fromModule?: (module: Record<string, unknown>) => T | undefined): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await load();
    } catch (failure) {
      // The same URL failed again: in a browser that keeps failures, it always will.
      const url = attempt > 0 && fromModule ? failedModuleUrl(failure) : undefined;
      if (url) {
        try {
          const value = fromModule?.(await import(/* @vite-ignore */ /* webpackIgnore: true */ withFreshUrl(url)));
          if (value !== undefined) return value;
        } catch {
          // Still failing: on to the backoff, and the same URL's failure is the one reported.
        }
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw failure;
      await wait(delay);
    }
  }
}

/**
 * `load`, downloaded with retries: the same promise while it loads and once it has (React's `use`
 * needs that), a new download once one that gave up is retried. `fromModule` takes the value out of
 * the module's namespace when the failed module is imported again under a fresh URL.
 */
export function retryingLoad<T>(load: () => Promise<T>, fromModule?: (module: Record<string, unknown>) => T | undefined): () => Promise<T> {
  let current: TrackedPromise<T> | undefined;
  return () => {
    if (current) return current;
    const promise: TrackedPromise<T> = withRetries(load, fromModule);
    current = promise;
    track(promise);
    promise.catch(() =>
      gaveUp.add(() => {
        if (current === promise) current = undefined;
      }),
    );
    return promise;
  };
}

/**
 * `retryingLoad` that keeps the value once it has loaded: `loaded()` reads it (undefined before),
 * and `subscribe` hears when it arrives, whichever caller's download brought it.
 */
export function keptLoad<T>(load: () => Promise<T>, fromModule: (module: Record<string, unknown>) => T | undefined) {
  let value: T | undefined;
  const listeners = new Set<() => void>();
  const keep = (loaded: T) => {
    value = loaded;
    for (const listener of listeners) listener();
    return loaded;
  };
  return {
    load: retryingLoad(
      () => load().then(keep),
      (module) => {
        const loaded = fromModule(module);
        return loaded === undefined ? undefined : keep(loaded);
      },
    ),
    loaded: () => value,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const ignore = () => {};

/**
 * `React.lazy` that retries (see `retryingLoad`); `preload()` fetches the code before it is shown.
 * A part already loaded renders at once, without a "Loading" frame.
 */
export function lazyWithRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const loadModule = retryingLoad(load, (module) => (module.default ? (module as { default: ComponentType<P> }) : undefined));
  const Lazy = (props: P) => createElement(useLoaded(loadModule()).default, props);
  return Object.assign(Lazy, { preload: () => void loadModule().catch(ignore) });
}
