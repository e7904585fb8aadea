// @vitest-environment node
/**
 * The partner proxy under Node's real HTTP server: what reaches the API, what the browser may not
 * set, which routes exist, and what comes back.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { createOffRampProxy, type OffRampProxyOptions, type ProxyLogEntry } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { API_DATE, recordingApi, servers } from './helpers';

const USER = '11111111-2222-4333-8444-555555555555';
const KEY = 'sk_sandbox_0123456789abcdef0123456789abcdef';
const SESSION = 'session=abc';
const ORDER = { quoteId: 'q-1', userBankInformation: { country: 'MX', accountIdentifier: F.clabe } };
const QUOTE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };
const TRANSACTION_ID = '63f51f11-6869-47b0-a109-ddb50ef20efb';

const serve = servers();

/** The proxy in front of `upstream`, served on loopback; the session is a cookie the test sends or not. */
const proxyAt = async (upstream: string, options: Partial<OffRampProxyOptions> = {}) => {
  const logs: ProxyLogEntry[] = [];
  const proxy = createOffRampProxy({
    upstream,
    apiKey: KEY,
    resolveUserId: (request) => (request.headers.get('cookie') === SESSION ? USER : undefined),
    premiumSpread: 0.005,
    logger: (entry) => logs.push(entry),
    ...options,
  });
  const { url } = await serve(proxy);
  return { url, logs };
};

/** A recording fake API and the proxy in front of it. */
const setUp = async (options: Partial<OffRampProxyOptions> = {}, status?: number, answer?: unknown) => {
  const api = recordingApi(status, answer);
  const { url: upstream } = await serve(api.handler);
  return { received: api.received, ...(await proxyAt(upstream, options)) };
};

type BrowserInit = Omit<RequestInit, 'body'> & { signedIn?: boolean; body?: unknown };

/** What the widget's page sends: the session cookie, JSON. */
const browser = (base: string, path: string, init: BrowserInit = {}) => {
  const { signedIn = true, headers, body, ...rest } = init;
  return fetch(`${base}${path}`, {
    ...rest,
    headers: {
      ...(signedIn ? { cookie: SESSION } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(headers as Record<string, string>),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
};

describe('what reaches the API', () => {
  it('sends the partner key, never one from the browser, and no cookie', async () => {
    const { received, url } = await setUp();
    await browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER, headers: { [HEADERS.apiKey]: 'sk_sandbox_browser' } });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.get(HEADERS.apiKey)).toBe(KEY);
    expect(received[0]!.url.pathname).toBe(API_PATHS.offRamp);
    expect(received[0]!.headers.get('cookie')).toBeNull();
  });

  it("replaces the browser's userId and premiumSpread in an order, and drops unknown fields", async () => {
    const { received, url } = await setUp();
    const answer = await browser(url, API_PATHS.offRamp, { method: 'POST', body: { ...ORDER, userId: F.otherUserId, premiumSpread: 0.9, evil: true } });
    expect(answer.status).toBe(201);
    expect(received[0]!.body).toEqual({ ...ORDER, userId: USER, premiumSpread: 0.005 });
  });

  it("replaces the browser's premiumSpread in a locked quote, and in an estimate's query", async () => {
    const { received, url } = await setUp();
    await browser(url, API_PATHS.quotes, { method: 'POST', body: { ...QUOTE, premiumSpread: 0.3, userId: F.otherUserId } });
    const query = new URLSearchParams({ ...QUOTE, cryptoAmount: '100', premiumSpread: '0.3', userId: F.otherUserId });
    await browser(url, `${API_PATHS.quotes}?${query}`);
    expect(received[0]!.body).toEqual({ ...QUOTE, premiumSpread: 0.005 });
    expect(Object.fromEntries(received[1]!.url.searchParams)).toEqual({ ...QUOTE, cryptoAmount: '100', premiumSpread: '0.005' });
  });

  it('sends no premiumSpread at all when the partner sets none', async () => {
    const { received, url } = await setUp({ premiumSpread: undefined });
    await browser(url, API_PATHS.offRamp, { method: 'POST', body: { ...ORDER, premiumSpread: 0.9 } });
    expect(received[0]!.body).toEqual({ ...ORDER, userId: USER });
  });

  it("asks for the signed-in user's accounts, receivers and transaction, whatever user the browser names", async () => {
    const { received, url } = await setUp({}, 200, { success: true, data: { count: 0, data: [] } });
    await browser(url, `${API_PATHS.bankAccounts(F.otherUserId)}?rampType=OFF_RAMP&country=MX&userId=${F.otherUserId}`);
    await browser(url, `${API_PATHS.receivers}?userId=${F.otherUserId}&limit=5`);
    await browser(url, `${API_PATHS.transactions}?id=${TRANSACTION_ID}&userId=${F.otherUserId}&status=COMPLETED`);
    expect(received.map(({ url: { pathname, search } }) => `${pathname}${search}`)).toEqual([
      `${API_PATHS.bankAccounts(USER)}?rampType=OFF_RAMP&country=MX`,
      `${API_PATHS.receivers}?limit=5&userId=${USER}`,
      `${API_PATHS.transactions}?id=${TRANSACTION_ID}&userId=${USER}`,
    ]);
  });

  it('passes Idempotency-Key through on the order', async () => {
    const { received, url } = await setUp();
    await browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER, headers: { [HEADERS.idempotencyKey]: 'key-0123456789abcdef' } });
    expect(received[0]!.headers.get(HEADERS.idempotencyKey)).toBe('key-0123456789abcdef');
  });
});

describe('what is refused before anything is forwarded', () => {
  it.each([
    ['GET', API_PATHS.quotes],
    ['POST', API_PATHS.quotes],
    ['POST', API_PATHS.offRamp],
    ['GET', API_PATHS.receivers],
    ['PUT', API_PATHS.cancel(TRANSACTION_ID)],
  ])('answers 401 to %s %s without a signed-in user', async (method, path) => {
    const { received, url } = await setUp();
    const answer = await browser(url, path, { method, signedIn: false, ...(method === 'POST' ? { body: ORDER } : {}) });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.signInRequired));
    expect(received).toHaveLength(0);
  });

  it.each([
    ['DELETE', API_PATHS.offRamp],
    ['GET', API_PATHS.offRamp],
    ['POST', API_PATHS.receivers],
    ['POST', API_PATHS.bankAccounts(USER)],
    ['GET', API_PATHS.mockTestingGuide],
    ['GET', '/api/partner/v2/users'],
    ['GET', '/anything/else'],
  ])('answers 404 to %s %s, which it does not forward (no open relay)', async (method, path) => {
    const { received, url } = await setUp();
    const answer = await browser(url, path, { method });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.notFound));
    expect(answer.headers.get(HEADERS.requestId)).toBeTruthy();
    expect(received).toHaveLength(0);
  });

  it.each([
    ['a body that is not JSON', API_PATHS.offRamp, '{"quoteId":'],
    ['an amount that is text', API_PATHS.offRamp, { ...ORDER, quoteId: undefined, fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 'lots' }],
    ['an over-long bank field', API_PATHS.offRamp, { ...ORDER, userBankInformation: { country: 'MX', accountIdentifier: '1'.repeat(65) } }],
    ['an execute without a transaction', API_PATHS.execute, { transactionHash: '0xabc' }],
  ])('answers 400 Invalid User Input to %s', async (_case, path, body) => {
    const { received, url } = await setUp();
    const answer = await browser(url, path, { method: 'POST', body });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.invalidUserInput));
    expect(received).toHaveLength(0);
  });

  it('leaves the order’s rules to the API: an order without bank details is forwarded as it is', async () => {
    const { received, url } = await setUp();
    const answer = await browser(url, API_PATHS.offRamp, { method: 'POST', body: { quoteId: 'q-1' } });
    expect(received).toHaveLength(1);
    expect(answer.status).toBe(201);
  });

  it('answers 400 to a query value longer than any the widget sends, and to a transaction read without an id', async () => {
    const { received, url } = await setUp();
    expect((await browser(url, `${API_PATHS.quotes}?fiatCurrency=${'X'.repeat(65)}`)).status).toBe(400);
    expect((await browser(url, API_PATHS.transactions)).status).toBe(400);
    expect(received).toHaveLength(0);
  });
});

describe('what comes back', () => {
  it("passes the API's status, body and Date through, and nothing else of its headers", async () => {
    const { url } = await setUp({}, 400, errorBody(API_ERRORS.quoteExpired));
    const answer = await browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.quoteExpired));
    expect(answer.headers.get('date')).toBe(API_DATE);
    expect(answer.headers.get('x-internal')).toBeNull();
  });

  it('puts its own x-request-id on every answer (success, refusal, 404), never the browser’s, and logs each with it', async () => {
    const { url, logs } = await setUp();
    const sent = { [HEADERS.requestId]: 'chosen-by-the-browser' };
    const answers = await Promise.all([
      browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER, headers: sent }),
      browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER, signedIn: false }),
      browser(url, '/nope'),
    ]);
    const ids = answers.map((answer) => answer.headers.get(HEADERS.requestId));
    for (const id of ids) expect(id).toMatch(/^[\w-]{8,}$/);
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toContain('chosen-by-the-browser');
    const requestLines = logs.filter((entry) => entry.event === 'request');
    expect(requestLines.map((entry) => entry.requestId).sort()).toEqual([...ids].sort());
    expect(requestLines.find((entry) => entry.status === 401)).toMatchObject({ code: API_ERRORS.signInRequired.code, method: 'POST' });
  });

  it('answers 502 when the API cannot be reached, and logs why', async () => {
    // Port 1 on loopback: nothing listens there, nor can a server of another test take it.
    const { url, logs } = await proxyAt('http://127.0.0.1:1');
    const answer = await browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER });
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.upstreamUnavailable));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', event: 'upstream-unreachable', requestId: answer.headers.get(HEADERS.requestId) }));
  });

  it('serves the API paths under its basePath only', async () => {
    const { received, url } = await setUp({ basePath: '/offramp/' });
    expect((await browser(url, `/offramp${API_PATHS.offRamp}`, { method: 'POST', body: ORDER })).status).toBe(201);
    expect((await browser(url, API_PATHS.offRamp, { method: 'POST', body: ORDER })).status).toBe(404);
    expect(received.map((r) => r.url.pathname)).toEqual([API_PATHS.offRamp]);
  });
});

describe('the proxy in front of the sandbox, both over HTTP', () => {
  const signedInAs = (userId: string) => () => userId;

  it('places an order for the signed-in user with the partner spread; neither answers nor logs hold the key or bank details', async () => {
    const sandbox = createSandbox({ seed: 'proxy' });
    const { url: upstream } = await serve(sandbox);
    const { url, logs } = await proxyAt(upstream, { apiKey: F.apiKey, resolveUserId: signedInAs(F.verifiedUserId), premiumSpread: 0.01 });
    const answers: Response[] = [];
    const send = async (path: string, init: BrowserInit = {}) => {
      const answer = await browser(url, path, init);
      answers.push(answer.clone());
      return answer;
    };

    const quote = await (await send(API_PATHS.quotes, { method: 'POST', body: QUOTE })).json();
    expect(quote.data).toMatchObject({ premiumSpread: 0.01, rate: 17.82 });
    const answer = await send(API_PATHS.offRamp, {
      method: 'POST',
      body: { quoteId: quote.data.quoteId, userId: F.unverifiedUserId, userBankInformation: { country: 'MX', accountIdentifier: F.clabe } },
      headers: { [HEADERS.idempotencyKey]: 'e2e-0123456789abcdef' },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('date')).toBeTruthy();
    expect((await answer.json()).data).toMatchObject({ userId: F.verifiedUserId, premiumSpread: 0.01, status: 'PENDING_PAYMENT' });
    expect(sandbox.orders()).toHaveLength(1);
    await send(`${API_PATHS.receivers}?userId=${F.otherUserId}`);
    await send(API_PATHS.offRamp, { method: 'POST', body: { quoteId: 'nope', userBankInformationId: F.bankAccountId } });

    for (const response of answers) {
      const everything = `${[...response.headers].join('\n')}\n${await response.text()}`;
      expect(everything).not.toContain(F.apiKey);
      expect(everything).not.toContain(HEADERS.apiKey);
    }
    const logged = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThanOrEqual(answers.length);
    expect(logged).not.toContain(F.apiKey);
    expect(logged).not.toContain(F.clabe);
  });
});
