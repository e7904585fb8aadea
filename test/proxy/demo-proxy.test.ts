// @vitest-environment node
/** The partner proxy: what reaches the API, what the browser may not set, and what comes back. */
import { describe, expect, it, vi } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { createOffRampProxy, type OffRampProxyOptions } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';

const USER = '11111111-2222-4333-8444-555555555555';
const KEY = 'sk_sandbox_0123456789abcdef0123456789abcdef';
const API = 'https://api.example';
const DATE = 'Mon, 23 Nov 2026 18:00:00 GMT';
const SESSION = 'session=abc';

interface Recorded {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fake API that records what it receives and answers with a fixed status, body and Date. */
const fakeUpstream = (status = 201, answer: unknown = { success: true, data: { ok: 1 } }) => {
  const received: Recorded[] = [];
  const upstreamFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    received.push({ url: new URL(request.url), method: request.method, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json', date: DATE, 'x-internal': 'secret' } });
  }) as typeof fetch;
  return { received, upstreamFetch };
};

const proxyWith = (options: Partial<OffRampProxyOptions> & Pick<OffRampProxyOptions, 'fetch'>) =>
  createOffRampProxy({
    upstream: `${API}/`,
    apiKey: KEY,
    // The partner's session: a cookie the test sets or not.
    resolveUserId: (request) => (request.headers.get('cookie') === SESSION ? USER : undefined),
    premiumSpread: 0.005,
    ...options,
  });

const browser = (path: string, init: RequestInit & { signedIn?: boolean } = {}) => {
  const { signedIn = true, headers, ...rest } = init;
  return new Request(`https://partner.example${path}`, {
    ...rest,
    headers: { ...(signedIn ? { cookie: SESSION } : {}), ...(rest.body ? { 'content-type': 'application/json' } : {}), ...headers },
  });
};

const ORDER = { quoteId: 'q-1', userBankInformation: { country: 'MX', accountIdentifier: F.clabe } };
const QUOTE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };

describe('createOffRampProxy', () => {
  it('sends the partner key to the API, never one from the browser', async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER), headers: { [HEADERS.apiKey]: 'sk_sandbox_browser' } }));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.get(HEADERS.apiKey)).toBe(KEY);
    expect(`${received[0]!.url.origin}${received[0]!.url.pathname}`).toBe(`${API}${API_PATHS.offRamp}`);
    expect(received[0]!.headers.get('cookie')).toBeNull();
  });

  it("replaces the browser's userId and premiumSpread in an order, and drops unknown fields", async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    const body = { ...ORDER, userId: F.otherUserId, premiumSpread: 0.9, evil: true };
    const answer = await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(body) }));
    expect(answer.status).toBe(201);
    expect(received[0]!.body).toEqual({ ...ORDER, userId: USER, premiumSpread: 0.005 });
  });

  it("replaces the browser's premiumSpread in a locked quote, and in an estimate's query", async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    await proxy(browser(API_PATHS.quotes, { method: 'POST', body: JSON.stringify({ ...QUOTE, premiumSpread: 0.3, userId: F.otherUserId }) }));
    const query = new URLSearchParams({ ...QUOTE, cryptoAmount: '100', premiumSpread: '0.3', userId: F.otherUserId });
    await proxy(browser(`${API_PATHS.quotes}?${query}`));
    expect(received[0]!.body).toEqual({ ...QUOTE, premiumSpread: 0.005 });
    expect(Object.fromEntries(received[1]!.url.searchParams)).toEqual({ ...QUOTE, cryptoAmount: '100', premiumSpread: '0.005' });
  });

  it('sends no premiumSpread at all when the partner sets none', async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch, premiumSpread: undefined });
    await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify({ ...ORDER, premiumSpread: 0.9 }) }));
    expect(received[0]!.body).toEqual({ ...ORDER, userId: USER });
  });

  it('passes Idempotency-Key through on the order', async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER), headers: { [HEADERS.idempotencyKey]: 'key-0123456789abcdef' } }));
    expect(received[0]!.headers.get(HEADERS.idempotencyKey)).toBe('key-0123456789abcdef');
  });

  it.each([
    ['GET', API_PATHS.quotes],
    ['POST', API_PATHS.quotes],
    ['POST', API_PATHS.offRamp],
  ])('answers 401 to %s %s without a signed-in user, and forwards nothing', async (method, path) => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    const answer = await proxy(browser(path, { method, signedIn: false, ...(method === 'POST' ? { body: JSON.stringify(ORDER) } : {}) }));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.signInRequired));
    expect(received).toHaveLength(0);
  });

  it.each([
    ['GET', API_PATHS.transactions],
    ['PUT', API_PATHS.cancel('63f51f11-6869-47b0-a109-ddb50ef20efb')],
    ['POST', API_PATHS.execute],
    ['GET', API_PATHS.receivers],
    ['GET', API_PATHS.bankAccounts(USER)],
    ['DELETE', API_PATHS.offRamp],
    ['GET', '/anything/else'],
  ])('answers 404 to %s %s, which it does not forward', async (method, path) => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    const answer = await proxy(browser(path, { method }));
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.notFound));
    expect(answer.headers.get(HEADERS.requestId)).toBeTruthy();
    expect(received).toHaveLength(0);
  });

  it.each([
    ['a body that is not JSON', '{"quoteId":'],
    ['a malformed order (no bank details)', JSON.stringify({ quoteId: 'q-1' })],
    ['an amount that is text', JSON.stringify({ ...ORDER, quoteId: undefined, fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 'lots' })],
  ])('answers 400 Invalid User Input to %s, without forwarding', async (_case, body) => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    const answer = await proxy(browser(API_PATHS.offRamp, { method: 'POST', body }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.invalidUserInput));
    expect(received).toHaveLength(0);
  });

  it("passes the API's status, body and Date through, and nothing else of its headers", async () => {
    const { upstreamFetch } = fakeUpstream(400, errorBody(API_ERRORS.quoteExpired));
    const proxy = proxyWith({ fetch: upstreamFetch });
    const answer = await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER) }));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.quoteExpired));
    expect(answer.headers.get('date')).toBe(DATE);
    expect(answer.headers.get('x-internal')).toBeNull();
  });

  it('puts its own x-request-id on every answer: success, refusal, 404', async () => {
    const { upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch });
    const answers = await Promise.all([
      proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER) })),
      proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER), signedIn: false })),
      proxy(browser('/nope')),
    ]);
    const ids = answers.map((answer) => answer.headers.get(HEADERS.requestId));
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers 502 when the API cannot be reached, and logs why', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const proxy = proxyWith({ fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    const answer = await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER) }));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.upstreamUnavailable));
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('upstream unreachable'), expect.any(TypeError));
    logged.mockRestore();
  });

  it('serves the API paths under its basePath only', async () => {
    const { received, upstreamFetch } = fakeUpstream();
    const proxy = proxyWith({ fetch: upstreamFetch, basePath: '/offramp/' });
    expect((await proxy(browser(`/offramp${API_PATHS.offRamp}`, { method: 'POST', body: JSON.stringify(ORDER) }))).status).toBe(201);
    expect((await proxy(browser(API_PATHS.offRamp, { method: 'POST', body: JSON.stringify(ORDER) }))).status).toBe(404);
    expect(received.map((r) => r.url.pathname)).toEqual([API_PATHS.offRamp]);
  });
});

describe('the proxy in front of the sandbox', () => {
  it('places an order for the signed-in user with the partner spread, end to end', async () => {
    const sandbox = createSandbox({ seed: 'proxy' });
    const proxy = createOffRampProxy({
      upstream: 'http://sandbox.invalid',
      fetch: sandbox.fetch,
      apiKey: F.apiKey,
      resolveUserId: () => F.verifiedUserId,
      premiumSpread: 0.01,
    });
    const quote = await (await proxy(browser(API_PATHS.quotes, { method: 'POST', body: JSON.stringify(QUOTE) }))).json();
    expect(quote.data).toMatchObject({ premiumSpread: 0.01, rate: 17.82 });
    const answer = await proxy(
      browser(API_PATHS.offRamp, {
        method: 'POST',
        body: JSON.stringify({ quoteId: quote.data.quoteId, userId: F.unverifiedUserId, userBankInformationId: F.bankAccountId }),
        headers: { [HEADERS.idempotencyKey]: 'e2e-0123456789abcdef' },
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.headers.get('date')).toBeTruthy();
    expect((await answer.json()).data).toMatchObject({ userId: F.verifiedUserId, premiumSpread: 0.01, status: 'PENDING_PAYMENT' });
    expect(sandbox.orders()).toHaveLength(1);
  });
});
