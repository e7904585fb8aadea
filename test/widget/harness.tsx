/**
 * Renders the widget against the real sandbox, through the demo's kind of proxy, with a `fetch`
 * that records every request the widget makes.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { API_PATHS } from '../../src/api/contract';
import { createOffRampProxy } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { OffRampWidget, type OffRampWidgetProps } from '../../src/widget/OffRampWidget';

export const PROXY_URL = 'http://partner.test/proxy';

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  /** The sandbox of an earlier render (a reloaded tab talks to the same API). */
  reuseSandbox?: Sandbox;
  userId?: string;
  /** Changes a response on its way back (latency, a different Date header, …). */
  intercept?: (request: Request, respond: () => Promise<Response>) => Promise<Response>;
}

export function renderWidget(props: Partial<OffRampWidgetProps> = {}, options: HarnessOptions = {}) {
  const sandbox = options.reuseSandbox ?? createSandbox({ seed: 'widget-tests', ...options.sandbox });
  const proxy = createOffRampProxy({
    upstream: 'http://sandbox.test',
    fetch: sandbox.fetch,
    apiKey: SANDBOX_FIXTURES.apiKey,
    resolveUserId: () => options.userId ?? SANDBOX_FIXTURES.verifiedUserId,
    basePath: '/proxy',
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
  const user = userEvent.setup();
  const view = render(<OffRampWidget proxyUrl={PROXY_URL} fetch={fetchThroughProxy} locale="en" {...props} />);
  const lockedQuoteRequests = () =>
    requests.filter((request) => request.method === 'POST' && new URL(request.url).pathname.endsWith(API_PATHS.quotes));
  const orderRequests = () => requests.filter((request) => new URL(request.url).pathname.endsWith(API_PATHS.offRamp));
  return { ...view, sandbox, requests, lockedQuoteRequests, orderRequests, user, fetch: fetchThroughProxy };
}

export const VALID_CLABE = SANDBOX_FIXTURES.clabe;
/** The same CLABE with its check digit changed. */
export const WRONG_CHECK_DIGIT_CLABE = `${VALID_CLABE.slice(0, 17)}${(Number(VALID_CLABE[17]) + 1) % 10}`;
