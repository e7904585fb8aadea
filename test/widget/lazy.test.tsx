/**
 * The retrying download behind the lazily loaded steps, rails and catalogues: retries with backoff,
 * one download at a time, and a failure that never stays once a step starts again.
 */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyWithRetry, RETRY_DELAYS_MS, retryFailedLoads, retryingLoad } from '../../src/widget/lazy';
import { StepBoundary } from '../../src/widget/parts/StepBoundary';

/** A loader that fails its first `failures` calls, then answers `value`. */
const flaky = <T,>(failures: number, value: T) => {
  let calls = 0;
  const load = vi.fn(async () => {
    calls += 1;
    if (calls <= failures) throw new TypeError(`network error ${calls}`);
    return value;
  });
  return load;
};

/** Settles what a fake clock's `ms` lets settle. */
const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const settled = async <T,>(promise: Promise<T>) => promise.then((value) => ({ value }), (reason: unknown) => ({ reason }));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  retryFailedLoads();
});

describe('retryingLoad', () => {
  it('fails twice, then answers: the caller sees only the answer', async () => {
    vi.useFakeTimers();
    const load = flaky(2, 'module');
    const promise = retryingLoad(load)();
    await elapse(RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]!);
    await expect(promise).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('waits 0.5 s, 1 s and 2 s between attempts, then gives up with the last failure', async () => {
    vi.useFakeTimers();
    expect(RETRY_DELAYS_MS).toEqual([500, 1000, 2000]);
    const load = flaky(Infinity, 'never');
    const outcome = settled(retryingLoad(load)());
    await elapse(0);
    expect(load).toHaveBeenCalledTimes(1);
    await elapse(499);
    expect(load).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(load).toHaveBeenCalledTimes(2);
    await elapse(999);
    expect(load).toHaveBeenCalledTimes(2);
    await elapse(1);
    expect(load).toHaveBeenCalledTimes(3);
    await elapse(1999);
    expect(load).toHaveBeenCalledTimes(3);
    await elapse(1);
    expect(load).toHaveBeenCalledTimes(4);
    expect(await outcome).toEqual({ reason: new TypeError('network error 4') });
    await elapse(60_000);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('is one download, one promise, while it loads and once it has', async () => {
    vi.useFakeTimers();
    const load = flaky(1, 'module');
    const get = retryingLoad(load);
    const first = get();
    expect(get()).toBe(first);
    await elapse(RETRY_DELAYS_MS[0]!);
    expect(get()).toBe(first);
    await expect(first).resolves.toBe('module');
    retryFailedLoads();
    expect(get()).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never keeps a failure: once a step starts again, the next ask downloads anew', async () => {
    vi.useFakeTimers();
    const load = flaky(4, 'module');
    const get = retryingLoad(load);
    const failed = get();
    const outcome = settled(failed);
    await elapse(3500);
    expect(await outcome).toMatchObject({ reason: expect.any(TypeError) });
    // The render that follows the failure sees it (the step's error shows) …
    expect(get()).toBe(failed);
    expect(load).toHaveBeenCalledTimes(4);
    // … and "Start this step again" downloads again.
    retryFailedLoads();
    const again = get();
    expect(again).not.toBe(failed);
    await expect(again).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('imports a module that failed twice under a fresh URL when the browser names it', async () => {
    vi.useFakeTimers();
    const url = `data:text/javascript,export%20const%20rail%3D%7Bid%3A%22MX%22%7D%3B//`;
    const load = vi.fn(async () => {
      throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
    });
    const promise = retryingLoad(load, (module) => module.rail as { id: string } | undefined)();
    const outcome = settled(promise);
    // The first retry asks for the same URL (a browser may fetch it again), then for a fresh one.
    await elapse(RETRY_DELAYS_MS[0]!);
    // The fresh URL's import takes no timer: it is awaited, however long the machine takes.
    await expect(outcome).resolves.toEqual({ value: { id: 'MX' } });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('lazyWithRetry', () => {
  const Fallback = (reset: () => void) => (
    <button type="button" onClick={reset}>
      Start this step again
    </button>
  );

  it('shows the step after failed downloads, its error once they give up, and the step again on "Start this step again"', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    let failing = true;
    const load = vi.fn(async () => {
      if (failing) throw new TypeError('network error');
      return { default: ({ name }: { name: string }) => <p>Send to {name}</p> };
    });
    const Step = lazyWithRetry(load);
    render(
      <StepBoundary fallback={Fallback}>
        <Suspense fallback={<p>Loading…</p>}>
          <Step name="0xabc" />
        </Suspense>
      </StepBoundary>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await elapse(3500);
    const again = await screen.findByRole('button', { name: 'Start this step again' });
    expect(load).toHaveBeenCalledTimes(4);
    failing = false;
    act(() => again.click());
    expect(await screen.findByText('Send to 0xabc')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('renders a preloaded step at once, without a loading frame', async () => {
    const Step = lazyWithRetry(async () => ({ default: () => <p>The address</p> }));
    Step.preload();
    // Past the microtasks that settle a download already at hand.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Step />
      </Suspense>,
    );
    expect(screen.getByText('The address')).toBeInTheDocument();
  });
});
