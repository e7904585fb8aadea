// @vitest-environment node
/**
 * What keeps the proxy from being abused, over real HTTP: CORS with an allowlist, the body limit,
 * rate limits, the upstream deadline, and transactions that belong to someone else.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { createMemoryStore, createOffRampProxy, DEFAULT_RATE_LIMITS, type OffRampProxyOptions, type ProxyLogEntry } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { recordingApi, servers } from './helpers';

const KEY = F.apiKey;
const QUOTE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };
const ORDER = { quoteId: 'q-1', userBankInformationId: F.bankAccountId };

const serve = servers();

/** The session is a `user` cookie holding the user id (a stand-in for the partner's real session). */
const userOf = (request: Request) => /(?:^|;\s*)user=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const as = (userId: string) => ({ cookie: `user=${userId}` });
const json = { 'content-type': 'application/json' };

const proxyAt = async (upstream: string, options: Partial<OffRampProxyOptions> = {}) => {
  const logs: ProxyLogEntry[] = [];
  const proxy = createOffRampProxy({ upstream, apiKey: KEY, resolveUserId: userOf, logger: (entry) => logs.push(entry), ...options });
  return { url: (await serve(proxy)).url, logs };
};

const withFakeApi = async (options: Partial<OffRampProxyOptions> = {}) => {
  const api = recordingApi();
  const { url: upstream } = await serve(api.handler);
  return { received: api.received, ...(await proxyAt(upstream, options)) };
};

const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { ...json, ...as(F.verifiedUserId), ...headers }, body: JSON.stringify(body) });

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS with an allowlist of origins', () => {
  const SHOP = 'https://shop.example';

  it('answers an allowed origin with its CORS headers, exposing the request id and Date', async () => {
    const { url } = await withFakeApi({ allowedOrigins: [SHOP] });
    const answer = await post(url, API_PATHS.quotes, QUOTE, { origin: SHOP });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    expect(answer.headers.get('access-control-expose-headers')?.split(',')).toEqual(expect.arrayContaining([HEADERS.requestId, 'date', 'retry-after']));
    expect(answer.headers.get('vary')).toMatch(/origin/i);
  });

  it('answers a preflight from an allowed origin, forwarding nothing', async () => {
    const { url, received } = await withFakeApi({ allowedOrigins: [SHOP] });
    const answer = await fetch(`${url}${API_PATHS.offRamp}`, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(answer.headers.get('access-control-allow-methods')?.split(',')).toEqual(expect.arrayContaining(['POST', 'PUT', 'GET']));
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type,idempotency-key');
    expect(answer.headers.get('access-control-max-age')).toBe('600');
    expect(received).toHaveLength(0);
  });

  it("lets an allowed origin send Authorization (an embed's session token), which names the user and goes no further", async () => {
    const TOKEN = 'embed-session-token';
    const bearerUser = (request: Request) => (request.headers.get('authorization') === `Bearer ${TOKEN}` ? F.verifiedUserId : undefined);
    const { url, received } = await withFakeApi({ allowedOrigins: [SHOP], resolveUserId: bearerUser });
    const preflight = await fetch(`${url}${API_PATHS.quotes}`, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(preflight.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    const headers = { ...json, origin: SHOP, authorization: `Bearer ${TOKEN}` };
    const answer = await fetch(`${url}${API_PATHS.quotes}`, { method: 'POST', headers, body: JSON.stringify(QUOTE) });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.get('authorization')).toBeNull();
    const stranger = await fetch(`${url}${API_PATHS.quotes}`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: JSON.stringify(QUOTE) });
    expect(stranger.status).toBe(403);
    expect(received).toHaveLength(1);
  });

  it('refuses any other origin with 403 and no CORS headers, preflight or not, forwarding nothing', async () => {
    const { url, received } = await withFakeApi({ allowedOrigins: [SHOP] });
    const order = await post(url, API_PATHS.offRamp, ORDER, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(order.status).toBe(403);
    expect(await order.json()).toEqual(errorBody(API_ERRORS.originNotAllowed));
    expect(corsHeaders(order)).toEqual([]);
    const preflight = await fetch(`${url}${API_PATHS.offRamp}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(corsHeaders(preflight)).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('serves same-origin requests: no Origin, its own origin, or a browser saying same-origin behind a reverse proxy', async () => {
    const { url, received } = await withFakeApi();
    const answers = await Promise.all([
      post(url, API_PATHS.quotes, QUOTE),
      post(url, API_PATHS.quotes, QUOTE, { origin: url }),
      post(url, API_PATHS.quotes, QUOTE, { origin: 'https://partner.example', 'sec-fetch-site': 'same-origin' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    for (const answer of answers) expect(corsHeaders(answer)).toEqual([]);
    expect(received).toHaveLength(3);
  });
});

describe('the body limit', () => {
  it('answers 413 to a body over maxBodyBytes, announced or streamed, forwarding nothing', async () => {
    const { url, received } = await withFakeApi({ maxBodyBytes: 1024 });
    const big = { ...ORDER, padding: 'x'.repeat(2000) };
    const announced = await post(url, API_PATHS.offRamp, big);
    expect(announced.status).toBe(413);
    expect(await announced.json()).toEqual(errorBody(API_ERRORS.payloadTooLarge));
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await fetch(`${url}${API_PATHS.offRamp}`, {
      method: 'POST',
      headers: { ...json, ...as(F.verifiedUserId) },
      body: new ReadableStream({ start: (controller) => (controller.enqueue(bytes), controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(received).toHaveLength(0);
    expect((await post(url, API_PATHS.offRamp, ORDER)).status).toBe(201);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-user limit, then past the per-IP limit; orders count apart', async () => {
    const { url, received, logs } = await withFakeApi({
      rateLimits: { quotes: { perUser: 3, perIp: 6, windowMs: 60_000 } },
    });
    const burst = [];
    for (let i = 0; i < 5; i += 1) burst.push(await post(url, API_PATHS.quotes, QUOTE));
    expect(burst.map((answer) => answer.status)).toEqual([201, 201, 201, 429, 429]);
    const limited = burst[3]!;
    expect(await limited.json()).toEqual(errorBody(API_ERRORS.rateLimited));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(received).toHaveLength(3);

    // Another user from the same IP: the IP has made 5 of its 6.
    const other = as(F.otherUserId);
    expect((await post(url, API_PATHS.quotes, QUOTE, other)).status).toBe(201);
    expect((await post(url, `${API_PATHS.quotes}`, QUOTE, other)).status).toBe(429);
    // The estimate shares the quotes limit; the order has its own.
    expect((await fetch(`${url}${API_PATHS.quotes}?cryptoAmount=1`, { headers: other })).status).toBe(429);
    expect((await post(url, API_PATHS.offRamp, ORDER)).status).toBe(201);
    expect(logs.filter((entry) => entry.code === API_ERRORS.rateLimited.code)).toHaveLength(4);
  });

  it('lets the user in again when the window is over', async () => {
    // The store's clock is the test's: a slow round trip cannot end the window early.
    let now = 0;
    const { url } = await withFakeApi({ store: createMemoryStore({ now: () => now }), rateLimits: { orders: { perUser: 1, windowMs: 400 } } });
    expect((await post(url, API_PATHS.offRamp, ORDER)).status).toBe(201);
    const limited = await post(url, API_PATHS.offRamp, ORDER);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    now += 399;
    expect((await post(url, API_PATHS.offRamp, ORDER)).status).toBe(429);
    now += 51;
    expect((await post(url, API_PATHS.offRamp, ORDER)).status).toBe(201);
  });
});

describe('rate limits on every route', () => {
  it('limit transaction reads and cancels too: of 300 reads and 100 cancels of random ids by one user, the defaults pass 120 and 20', async () => {
    // A still clock: however long the 400 requests take, they fall in one window.
    const { url, received } = await withFakeApi({ store: createMemoryStore({ now: () => 0 }) });
    const statuses = async (count: number, ask: () => Promise<Response>) => {
      const counted: Record<number, number> = {};
      for (let i = 0; i < count; i += 1) {
        const status = (await ask()).status;
        counted[status] = (counted[status] ?? 0) + 1;
      }
      return counted;
    };
    const reads = await statuses(300, () => fetch(`${url}${API_PATHS.transactions}?id=${crypto.randomUUID()}`, { headers: as(F.verifiedUserId) }));
    // The fake API answers 201 to everything it is asked.
    expect(reads).toEqual({ 201: DEFAULT_RATE_LIMITS.reads.perUser, 429: 300 - DEFAULT_RATE_LIMITS.reads.perUser });
    const cancels = await statuses(100, () => fetch(`${url}${API_PATHS.cancel(crypto.randomUUID())}`, { method: 'PUT', headers: as(F.verifiedUserId) }));
    // Each allowed cancel asks the API whether the id is the user's (the fake lists nothing): 404.
    expect(cancels).toEqual({ 404: DEFAULT_RATE_LIMITS.actions.perUser, 429: 100 - DEFAULT_RATE_LIMITS.actions.perUser });
    expect(received).toHaveLength(DEFAULT_RATE_LIMITS.reads.perUser + DEFAULT_RATE_LIMITS.actions.perUser);
  });

  it('serves a replay of a stored order answer before the rate limit counts it', async () => {
    const sandbox = createSandbox({ seed: 'replay-first' });
    const { url: upstream } = await serve(sandbox);
    const { url } = await proxyAt(upstream, { rateLimits: { orders: { perUser: 1 } } });
    const quote = await (await post(url, API_PATHS.quotes, QUOTE)).json();
    const order = { quoteId: quote.data.quoteId, userBankInformationId: F.bankAccountId };
    const key = { [HEADERS.idempotencyKey]: 'replay-0123456789abcdef' };
    expect((await post(url, API_PATHS.offRamp, order, key)).status).toBe(201);
    const replays = await Promise.all(Array.from({ length: 5 }, () => post(url, API_PATHS.offRamp, order, key)));
    expect(replays.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(replays.map((answer) => answer.headers.get('idempotent-replayed'))).toEqual(Array(5).fill('true'));
    // A new confirmation is a new order: that one counts, and is over the limit.
    expect((await post(url, API_PATHS.offRamp, order, { [HEADERS.idempotencyKey]: 'another-0123456789abcdef' })).status).toBe(429);
    expect(sandbox.orders()).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('refuses an upstream URL with credentials at start-up, without repeating them', () => {
    const start = () => createOffRampProxy({ upstream: 'https://partner:s3cret-pass@staging-api.capa.fi', apiKey: KEY, resolveUserId: userOf });
    expect(start).toThrow(TypeError);
    expect(start).toThrow(/credentials/);
    expect(start).not.toThrow(/s3cret-pass/);
  });

  it('logs no query string, not even inside an error that names the URL it called', async () => {
    const lines: string[] = [];
    const proxy = createOffRampProxy({
      upstream: 'http://api.invalid',
      apiKey: KEY,
      resolveUserId: userOf,
      logger: (entry) => lines.push(JSON.stringify(entry)),
      fetch: async (input) => {
        throw new TypeError(`request to ${String(input)} failed, reason: connect ECONNREFUSED`);
      },
    });
    const { url } = await serve(proxy);
    const id = crypto.randomUUID();
    const answer = await fetch(`${url}${API_PATHS.transactions}?id=${id}&note=secret`, { headers: as(F.verifiedUserId) });
    expect(answer.status).toBe(502);
    expect(lines.some((line) => line.includes('upstream-unreachable'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toContain('?');
      expect(line).not.toContain(id);
    }
  });
});

describe('the upstream deadline', () => {
  it('answers 504 when the API does not answer within timeoutMs; a retry of the order asks the API for it before anything else', async () => {
    const arrived: string[] = [];
    const { url: upstream } = await serve((request) => {
      arrived.push(`${request.method} ${new URL(request.url).pathname}`);
      return new Promise<Response>(() => {}); // never answers
    });
    const { url, logs } = await proxyAt(upstream, { timeoutMs: 300 });
    const key = { [HEADERS.idempotencyKey]: 'hang-0123456789abcdef' };
    const started = Date.now();
    const answer = await post(url, API_PATHS.offRamp, ORDER, key);
    expect(answer.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.upstreamTimeout));
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', event: 'upstream-timeout' }));
    // The outcome is unknown: the retry looks for the order (the API does not answer that either) and forwards nothing.
    expect((await post(url, API_PATHS.offRamp, ORDER, key)).status).toBe(504);
    expect(arrived).toEqual([`POST ${API_PATHS.offRamp}`, `GET ${API_PATHS.transactions}`]);
  });
});

describe("another user's transaction", () => {
  // A fresh order waits for its crypto (it walks only once executed), so the proxy's ownership read
  // leaves it cancellable.
  const setUpOrder = async () => {
    const sandbox = createSandbox({ seed: 'ownership' });
    const { url: upstream } = await serve(sandbox);
    const { url } = await proxyAt(upstream);
    const quote = await (await post(url, API_PATHS.quotes, { ...QUOTE, cryptoAmount: 100 })).json();
    const order = await (await post(url, API_PATHS.offRamp, { quoteId: quote.data.quoteId, userBankInformationId: F.bankAccountId })).json();
    return { sandbox, url, id: order.data.id as string };
  };

  it('is not read: the list for the signed-in user is empty, the owner sees it', async () => {
    const { url, id } = await setUpOrder();
    const read = (userId: string) => fetch(`${url}${API_PATHS.transactions}?id=${id}&userId=${F.verifiedUserId}`, { headers: as(userId) });
    const stranger = await read(F.otherUserId);
    expect(stranger.status).toBe(200);
    expect((await stranger.json()).data).toEqual({ count: 0, data: [] });
    const owner = await (await read(F.verifiedUserId)).json();
    expect(owner.data.data).toEqual([expect.objectContaining({ id, userId: F.verifiedUserId })]);
  });

  it('is not cancelled or executed: 404 with the proxy’s own error, and the order stays as it was', async () => {
    const { sandbox, url, id } = await setUpOrder();
    const cancel = (userId: string) => fetch(`${url}${API_PATHS.cancel(id)}`, { method: 'PUT', headers: as(userId) });
    const refused = await cancel(F.otherUserId);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual(errorBody(API_ERRORS.transactionNotOfUser));
    const execute = await post(url, API_PATHS.execute, { transactionId: id }, as(F.otherUserId));
    expect(await execute.json()).toEqual(errorBody(API_ERRORS.transactionNotOfUser));
    expect(sandbox.orders()[0]!.status).toBe('PENDING_PAYMENT');

    const cancelled = await cancel(F.verifiedUserId);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).data).toMatchObject({ id, status: 'CANCELLED' });
  });

  it("passes the API's refusal of the ownership check through (an id that is not even well-formed)", async () => {
    const { url } = await setUpOrder();
    const answer = await fetch(`${url}${API_PATHS.cancel('x'.repeat(65))}`, { method: 'PUT', headers: as(F.verifiedUserId) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.invalidUserInput));
  });

  it("lists the signed-in user's bank accounts and receivers, whatever user the browser names", async () => {
    const { url } = await setUpOrder();
    const accounts = await (await fetch(`${url}${API_PATHS.bankAccounts(F.otherUserId)}?rampType=OFF_RAMP`, { headers: as(F.verifiedUserId) })).json();
    expect(accounts.data.total).toBe(3);
    expect(new Set(accounts.data.data.map((account: { userId: string }) => account.userId))).toEqual(new Set([F.verifiedUserId]));
    const receivers = await (await fetch(`${url}${API_PATHS.receivers}?userId=${F.otherUserId}`, { headers: as(F.verifiedUserId) })).json();
    expect(receivers.data.data.map((receiver: { id: string }) => receiver.id).sort()).toEqual([F.verifiedReceiverId, F.unverifiedReceiverId].sort());
  });
});
