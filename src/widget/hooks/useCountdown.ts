import { useSyncExternalStore } from 'react';

/**
 * Time left on a quote. Trust the server's `expiresAt`: the browser clock can be minutes off, so
 * correct by the skew measured from the `Date` header, and recompute from the clock on every
 * tick and whenever a hidden tab becomes visible again (hidden tabs' timers are throttled), never
 * by counting ticks.
 */
export const remainingMs = (expiresAt: string, clockSkewMs: number): number =>
  Date.parse(expiresAt) - (Date.now() + clockSkewMs);

const TICK_MS = 1000;

/** Re-renders its caller every second and on visibility changes. */
const subscribeToClock = (onChange: () => void) => {
  const timer = setInterval(onChange, TICK_MS);
  document.addEventListener('visibilitychange', onChange);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onChange);
  };
};

/** Milliseconds left, refreshed every second (for the text of a countdown). */
export const useRemainingMs = (expiresAt: string | undefined, clockSkewMs: number): number | undefined => {
  // Seconds left as the snapshot: stable between ticks, so React re-renders once a second at most.
  const seconds = useSyncExternalStore(
    subscribeToClock,
    () => (expiresAt === undefined ? undefined : Math.ceil(remainingMs(expiresAt, clockSkewMs) / 1000)),
    () => undefined,
  );
  return seconds === undefined ? undefined : seconds * 1000;
};

/** Whether the quote has expired; re-renders its caller only when that flips. */
export const useExpired = (expiresAt: string | undefined, clockSkewMs: number): boolean =>
  useSyncExternalStore(
    subscribeToClock,
    () => expiresAt !== undefined && remainingMs(expiresAt, clockSkewMs) <= 0,
    () => false,
  );
