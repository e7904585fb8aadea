/**
 * The server side of a story, in the page: a sandbox seeded for the story and the partner proxy in
 * front of it, both the real web-standard handlers, reached through the `fetch` handed to the
 * widget. Nothing answers by hand, so a story cannot drift from the contract.
 */
import { createOffRampProxy, type OffRampProxy, type OffRampProxyOptions } from '../src/proxy';
import { createSandbox, SANDBOX_FIXTURES, type FaultRule, type Sandbox, type SandboxSettings } from '../src/sandbox';

/** Where the stories' proxy is mounted; the widget's `proxyUrl` points here. */
export const STORY_PROXY_URL = 'https://partner.example/offramp';

/** The sandbox's clock: real time plus whatever a story has moved it on by. */
export interface StoryClock {
  now(): number;
  /** Moves the sandbox's time on (a quote expires on the server, while the page's clock goes on as before). */
  advance(ms: number): void;
}

export interface StoryBackendOptions {
  /** The signed-in user; default the KYC-verified fixture user. */
  userId?: string;
  /** The partner's API key; default the sandbox partner's (a disabled flow has a key of its own). */
  apiKey?: string;
  /** Sandbox settings: quote lifetime, amount limits, latency, outage. */
  settings?: SandboxSettings;
  /** Faults to inject before the widget's first request. */
  faults?: FaultRule[];
  /** Proxy options to change (rate limits). */
  proxy?: Pick<OffRampProxyOptions, 'rateLimits'>;
}

export interface StoryBackend {
  sandbox: Sandbox;
  proxy: OffRampProxy;
  clock: StoryClock;
  /** The widget's `fetch`: every request goes to the proxy, which calls the sandbox. */
  fetch: typeof fetch;
}

const createClock = (): StoryClock => {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
};

/** The proxy logs its refusals as JSON lines; stories that show refusals need no console noise. */
const quiet = () => {};

export function createStoryBackend(options: StoryBackendOptions = {}): StoryBackend {
  const clock = createClock();
  // A fixed seed: the same story shows the same ids and deposit addresses every time.
  const sandbox = createSandbox({ seed: 'storybook', now: clock.now, ...options.settings });
  for (const fault of options.faults ?? []) sandbox.injectFault(fault);
  const proxy = createOffRampProxy({
    upstream: 'https://sandbox.invalid',
    fetch: sandbox.fetch,
    apiKey: options.apiKey ?? SANDBOX_FIXTURES.apiKey,
    resolveUserId: () => options.userId ?? SANDBOX_FIXTURES.verifiedUserId,
    basePath: new URL(STORY_PROXY_URL).pathname,
    premiumSpread: 0.005,
    logger: quiet,
    ...options.proxy,
  });
  const fetchThroughProxy = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const request = new Request(input, init);
      // Like a real fetch, give up at once when the caller aborts, whatever the server is doing.
      const signal = init?.signal;
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      proxy(request).then(resolve, reject);
    });
  return { sandbox, proxy, clock, fetch: fetchThroughProxy };
}
