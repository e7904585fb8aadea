/**
 * Renders the widget against the real sandbox, through the demo's kind of proxy, with a `fetch`
 * that records every request the widget makes. The proxy's log lines are kept (`proxyLog`), never
 * printed.
 */
import { act, configure, getConfig, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { createOffRampProxy, type ProxyLogEntry } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { OffRampWidget, type OffRampWidgetProps } from '../../src/widget/OffRampWidget';
import { QUOTE_DEBOUNCE_MS } from '../../src/widget/steps/AmountStep';

export const PROXY_URL = 'http://partner.test/proxy';

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  /** The partner's spread, set by the proxy (none by default). */
  premiumSpread?: number;
  /** The sandbox of an earlier render (a reloaded tab talks to the same API). */
  reuseSandbox?: Sandbox;
  /** The signed-in user; default a verified user with no saved account (a new seller). */
  userId?: string;
  /** Changes a response on its way back (latency, a different Date header, …). */
  intercept?: (request: Request, respond: () => Promise<Response>) => Promise<Response>;
}

/**
 * The widget's timers (quote debounce, countdown, retry back-off, request time-outs) and `Date` run
 * on a fake clock that also moves with real time: waits for conditions work as usual, and a test
 * can move the clock on past a debounce, a back-off or a quote's expiry instead of waiting for it.
 * Promises, streams and the sandbox's in-memory I/O stay real. Restored after each test (setup.ts).
 */
const startWidgetClock = () =>
  vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

/** Moves the fake clock on by `ms`, running every timer due meanwhile, as React updates. */
export const elapse = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

/** Moves the clock past the amount's debounce: what is typed is now asked for. */
export const passDebounce = () => elapse(QUOTE_DEBOUNCE_MS);

/**
 * Sets the clock (browser and sandbox alike) `ms` later without running timers meanwhile, then runs
 * the timers of the next second, so the countdown's tick has seen the new time. What those timers
 * start (a request) is still on its way when this returns.
 */
export const jumpClock = (ms: number) => {
  vi.setSystemTime(Date.now() + ms);
  act(() => {
    vi.advanceTimersByTime(1000);
  });
};

/**
 * Runs `attempt` the way Testing Library's own waits do: a role query that misses skips listing
 * every role on the page in its error (which reads each element's computed style, the costliest
 * part of a miss in jsdom). The flag is the one its waits set; its types leave it out.
 */
function withoutErrorDiagnostics(attempt: () => void): void {
  type Flag = { _disableExpensiveErrorDiagnostics: boolean };
  configure({ _disableExpensiveErrorDiagnostics: true } as Partial<ReturnType<typeof getConfig>> & Flag);
  try {
    attempt();
  } finally {
    configure({ _disableExpensiveErrorDiagnostics: false } as Partial<ReturnType<typeof getConfig>> & Flag);
  }
}

/**
 * Waits for `expectation` to pass while moving the clock on, a little at a time, so that what waits
 * for time (a retry's back-off or Retry-After, a slow server) happens at once. Gives up, with the
 * expectation's own error, after as much real time as testing-library's waits.
 */
export async function fastForwardUntil(expectation: () => void): Promise<void> {
  // As long as any other wait for a condition (test/setup.ts): a busy machine only takes longer.
  const deadline = performance.now() + getConfig().asyncUtilTimeout;
  for (;;) {
    try {
      withoutErrorDiagnostics(expectation);
      return;
    } catch {
      // The last attempt once more, its error in full: what the page showed instead.
      if (performance.now() > deadline) return expectation();
    }
    await elapse(100);
  }
}

/**
 * An `intercept` that holds the answers to requests whose path `held` accepts until `release()`:
 * an answer that arrives late, after what the user did meanwhile.
 */
export function heldAnswers(held: (path: string) => boolean) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const intercept = async (request: Request, respond: () => Promise<Response>) => {
    if (held(new URL(request.url).pathname)) await released;
    return respond();
  };
  return { intercept, release: () => release() };
}

export function renderWidget(props: Partial<OffRampWidgetProps> = {}, options: HarnessOptions = {}) {
  startWidgetClock();
  const sandbox = options.reuseSandbox ?? createSandbox({ seed: 'widget-tests', ...options.sandbox });
  const proxyLog: ProxyLogEntry[] = [];
  const proxy = createOffRampProxy({
    upstream: 'http://sandbox.test',
    fetch: sandbox.fetch,
    apiKey: SANDBOX_FIXTURES.apiKey,
    resolveUserId: () => options.userId ?? SANDBOX_FIXTURES.newUserId,
    ...(options.premiumSpread === undefined ? {} : { premiumSpread: options.premiumSpread }),
    basePath: '/proxy',
    // The proxy's log lines, kept for the tests that look at them; nothing reaches the console.
    logger: (entry) => proxyLog.push(entry),
  });
  const requests: Request[] = [];
  const fetchThroughProxy = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      // Like a real fetch, give up at once when the caller aborts, whatever the server is doing.
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      const respond = () => proxy(request);
      (options.intercept ? options.intercept(request, respond) : respond()).then(resolve, reject);
    });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  const view = render(<OffRampWidget proxyUrl={PROXY_URL} fetch={fetchThroughProxy} locale="en" {...props} />);
  const lockedQuoteRequests = () =>
    requests.filter((request) => request.method === 'POST' && new URL(request.url).pathname.endsWith(API_PATHS.quotes));
  const orderRequests = () => requests.filter((request) => new URL(request.url).pathname.endsWith(API_PATHS.offRamp));
  return { ...view, sandbox, requests, proxyLog, lockedQuoteRequests, orderRequests, user, fetch: fetchThroughProxy };
}

export const VALID_CLABE = SANDBOX_FIXTURES.clabe;
/** The same CLABE with its check digit changed. */
export const WRONG_CHECK_DIGIT_CLABE = `${VALID_CLABE.slice(0, 17)}${(Number(VALID_CLABE[17]) + 1) % 10}`;
