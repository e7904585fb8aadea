// @vitest-environment node
/**
 * The proxy when things break, over real HTTP, each case ending with no lost and no duplicate
 * order: Redis down (a real redis-server stopped and started again), an order whose outcome the
 * proxy could not read, answers of the wrong size or kind, and a body that never finishes arriving.
 */
import { Redis } from 'ioredis';
import { connect } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { errorBody, PROXY_FAILURES } from '../../src/api/errors';
import { createOffRampProxy, createRedisStore, REDIS_FAIL_FAST, type OffRampProxyOptions, type ProxyLogEntry } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F, type SandboxOptions } from '../../src/sandbox';
import { servers, startRedis, waitFor, type RedisServer } from './helpers';

const serve = servers();
const json = { 'content-type': 'application/json' };
const QUOTE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };
/**
 * The proxy's deadline in the tests where one call is made to miss it: long enough for every other
 * call on a busy machine, since the call that misses it is held until the test lets it go.
 */
const DEADLINE_MS = 1_500;

/** An answer held back until the test has seen the proxy give up on it. */
const heldAnswer = () => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return { released, release };
};

type Wrap = (request: Request, sandbox: (request: Request) => Promise<Response>) => Promise<Response>;

/**
 * The sandbox behind the proxy, both over HTTP. `wrap` sees each request first (to delay, cut or
 * lose it); `ignoreKey` strips Idempotency-Key on the way, as an API that does not honour it would.
 */
const setUp = async (options: Partial<OffRampProxyOptions> & { wrap?: Wrap; ignoreKey?: boolean; sandbox?: SandboxOptions } = {}) => {
  const { wrap, ignoreKey = false, sandbox: sandboxOptions, ...proxyOptions } = options;
  const sandbox = createSandbox({ seed: crypto.randomUUID(), ...sandboxOptions });
  const orderPosts: number[] = [];
  const { url: upstream } = await serve(async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'POST' && path === API_PATHS.offRamp) orderPosts.push(Date.now());
    const headers = new Headers(request.headers);
    if (ignoreKey) headers.delete(HEADERS.idempotencyKey);
    const text = request.method === 'GET' ? undefined : await request.text();
    const plain = new Request(request.url, { method: request.method, headers, body: text });
    return wrap ? wrap(plain, sandbox) : sandbox(plain);
  });
  const logs: ProxyLogEntry[] = [];
  const proxy = createOffRampProxy({
    upstream,
    apiKey: F.apiKey,
    resolveUserId: () => F.verifiedUserId,
    logger: (entry) => logs.push(entry),
    ...proxyOptions,
  });
  const { url } = await serve(proxy);
  const quote = async () => {
    const answer = await fetch(`${url}${API_PATHS.quotes}`, { method: 'POST', headers: json, body: JSON.stringify(QUOTE) });
    expect(answer.status).toBe(201);
    return ((await answer.json()) as { data: { quoteId: string } }).data.quoteId;
  };
  const order = (quoteId: string, key: string) =>
    fetch(`${url}${API_PATHS.offRamp}`, {
      method: 'POST',
      headers: { ...json, [HEADERS.idempotencyKey]: key },
      body: JSON.stringify({ quoteId, userBankInformationId: F.bankAccountId }),
    });
  return { sandbox, url, logs, orderPosts, quote, order };
};

const isOrderPost = (request: Request) => request.method === 'POST' && new URL(request.url).pathname === API_PATHS.offRamp;

describe('Redis down', () => {
  let redisServer: RedisServer | undefined;
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redisServer?.stop();
  });

  it("answers 503 STORE_UNAVAILABLE within its store deadline with the README's plain client, forwards no order, and makes exactly one once Redis is back", async () => {
    redisServer = await startRedis();
    const { port } = redisServer;
    const consoleErrors = vi.spyOn(console, 'error');
    // The plain client of a first set-up: ioredis alone would keep each command for 20 reconnections (~72 s).
    const client = new Redis(`redis://127.0.0.1:${port}`);
    clients.push(client);
    const { sandbox, logs, orderPosts, quote, order, url } = await setUp({ store: createRedisStore(client, { keyPrefix: 'down:' }) });
    const quoteId = await quote();
    const key = crypto.randomUUID();

    await redisServer.stop();
    const started = Date.now();
    const refused = await order(quoteId, key);
    const orderMs = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual(errorBody(PROXY_FAILURES.storeUnavailable));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(orderMs).toBeLessThan(3_000);
    expect(orderPosts).toHaveLength(0);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', event: 'store-error', path: API_PATHS.offRamp }));

    // Rate limits live in the same store: a quote is refused as promptly.
    const quoteStarted = Date.now();
    const estimate = await fetch(`${url}${API_PATHS.quotes}`, { method: 'POST', headers: json, body: JSON.stringify(QUOTE) });
    expect(estimate.status).toBe(503);
    expect(Date.now() - quoteStarted).toBeLessThan(3_000);

    redisServer = await startRedis({ port });
    await waitFor(() => client.status === 'ready');
    const retried = await order(quoteId, key);
    expect(retried.status).toBe(201);
    const repeat = await order(quoteId, key);
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(sandbox.orders()).toHaveLength(1);
    expect(orderPosts).toHaveLength(1);
    expect(consoleErrors.mock.calls.flat().join(' ')).not.toContain('Unhandled error event');
    consoleErrors.mockRestore();
    console.info(`measured: order with Redis down answered 503 in ${orderMs} ms`);
  }, 30_000);

  it('REDIS_FAIL_FAST makes the client itself give up within about a second', async () => {
    // Port 1 on loopback: nothing listens there, nor can a server of another test take it.
    const client = new Redis('redis://127.0.0.1:1', REDIS_FAIL_FAST);
    clients.push(client);
    const store = createRedisStore(client);
    const started = Date.now();
    await expect(store.hit('n', 60_000)).rejects.toThrow(/Redis/);
    const failedMs = Date.now() - started;
    expect(failedMs).toBeLessThan(2_500);
    console.info(`measured: a REDIS_FAIL_FAST client failed a command in ${failedMs} ms`);
  }, 15_000);
});

describe('an order whose outcome the proxy could not read', () => {
  it('a slow API that ignores the key: 504, then the retry answers the order the API made, and no second one is made', async () => {
    const held = heldAnswer();
    const { sandbox, orderPosts, logs, quote, order } = await setUp({
      timeoutMs: DEADLINE_MS,
      ignoreKey: true,
      // The order is made at once; its answer comes after the proxy's deadline.
      wrap: async (request, api) => {
        const answer = await api(request);
        if (isOrderPost(request)) await held.released;
        return answer;
      },
    });
    const quoteId = await quote();
    const key = crypto.randomUUID();
    const first = await order(quoteId, key);
    expect(first.status).toBe(504);
    held.release();
    const second = await order(quoteId, key);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const made = sandbox.orders();
    expect(made).toHaveLength(1);
    expect(((await second.json()) as { data: { id: string } }).data.id).toBe(made[0]!.id);
    const third = await order(quoteId, key);
    expect(third.status).toBe(201);
    expect(orderPosts).toHaveLength(1);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'order-recovered' }));
  }, 15_000);

  it('an answer cut short: 502, then the retry answers the order the API made', async () => {
    const { sandbox, orderPosts, quote, order } = await setUp({ ignoreKey: true });
    const quoteId = await quote();
    sandbox.injectFault({ method: 'POST', path: API_PATHS.offRamp, fault: { kind: 'truncate' } });
    const key = crypto.randomUUID();
    const first = await order(quoteId, key);
    expect(first.status).toBe(502);
    expect(await first.json()).toEqual(errorBody(PROXY_FAILURES.upstreamInvalid));
    const second = await order(quoteId, key);
    expect(second.status).toBe(201);
    expect(((await second.json()) as { data: { id: string } }).data.id).toBe(sandbox.orders()[0]!.id);
    expect(sandbox.orders()).toHaveLength(1);
    expect(orderPosts).toHaveLength(1);
  });

  it('forwards the retry when the API shows no order made after the first attempt (an older order of the user does not count)', async () => {
    let shiftMs = -5_000;
    let hang = false;
    const { sandbox, orderPosts, quote, order } = await setUp({
      timeoutMs: DEADLINE_MS,
      ignoreKey: true,
      sandbox: { now: () => Date.now() + shiftMs },
      // Lost before the API saw it: no order made.
      wrap: (request, api) => (hang && isOrderPost(request) ? ((hang = false), new Promise<Response>(() => {})) : api(request)),
    });
    // An order of this user with another key, five seconds before (on the API's clock).
    const earlier = await order(await quote(), crypto.randomUUID());
    expect(earlier.status).toBe(201);
    shiftMs = 0;
    const quoteId = await quote();
    const key = crypto.randomUUID();
    hang = true;
    expect((await order(quoteId, key)).status).toBe(504);
    const retried = await order(quoteId, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(sandbox.orders()).toHaveLength(2);
    expect(orderPosts).toHaveLength(3); // the earlier order, the lost attempt, the retry
    expect(((await retried.json()) as { data: { id: string } }).data.id).not.toBe(((await earlier.json()) as { data: { id: string } }).data.id);
  }, 15_000);

  it("finds the order on the API's clock, measured by its Date header, when that clock runs a minute behind", async () => {
    const held = heldAnswer();
    const { sandbox, quote, order } = await setUp({
      timeoutMs: DEADLINE_MS,
      ignoreKey: true,
      sandbox: { now: () => Date.now() - 60_000 },
      wrap: async (request, api) => {
        const answer = await api(request);
        if (isOrderPost(request)) await held.released;
        return answer;
      },
    });
    const quoteId = await quote();
    const key = crypto.randomUUID();
    expect((await order(quoteId, key)).status).toBe(504);
    held.release();
    expect((await order(quoteId, key)).status).toBe(201);
    expect(sandbox.orders()).toHaveLength(1);
  }, 15_000);

  it('keeps the outcome unknown while the API cannot be asked either, and settles it once it can', async () => {
    let down = false;
    const { sandbox, orderPosts, quote, order } = await setUp({
      ignoreKey: true,
      wrap: async (request, api) => {
        if (down && !isOrderPost(request)) return new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
        return api(request);
      },
    });
    const quoteId = await quote();
    sandbox.injectFault({ method: 'POST', path: API_PATHS.offRamp, fault: { kind: 'truncate' } });
    const key = crypto.randomUUID();
    expect((await order(quoteId, key)).status).toBe(502);
    down = true;
    expect((await order(quoteId, key)).status).toBe(502); // the list could not be read: still unknown, nothing forwarded
    expect(orderPosts).toHaveLength(1);
    down = false;
    expect((await order(quoteId, key)).status).toBe(201);
    expect(sandbox.orders()).toHaveLength(1);
    expect(orderPosts).toHaveLength(1);
  });
});

describe("the API's answers", () => {
  it('reads at most maxAnswerBytes of an answer: a 200 MB one becomes a 502 without being read whole', async () => {
    let sentBytes = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    const { url: upstream } = await serve(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              if (sentBytes >= 200 * 1024 * 1024) return controller.close();
              sentBytes += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
          { status: 200, headers: json },
        ),
    );
    const proxy = createOffRampProxy({ upstream, apiKey: F.apiKey, resolveUserId: () => F.verifiedUserId, logger: () => {}, maxAnswerBytes: 64 * 1024 });
    const { url } = await serve(proxy);
    const started = Date.now();
    const answer = await fetch(`${url}${API_PATHS.receivers}`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual(errorBody(PROXY_FAILURES.upstreamInvalid));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(sentBytes).toBeLessThan(32 * 1024 * 1024); // socket buffers aside, the rest was never produced
    console.info(`measured: of a 200 MB answer the upstream produced ${(sentBytes / 1024 / 1024).toFixed(0)} MB before the proxy hung up`);
  });

  it("turns a gateway's HTML page into the proxy's own 502", async () => {
    const { url: upstream } = await serve(() => new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const proxy = createOffRampProxy({ upstream, apiKey: F.apiKey, resolveUserId: () => F.verifiedUserId, logger: () => {} });
    const { url } = await serve(proxy);
    const answer = await fetch(`${url}${API_PATHS.receivers}`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer.json()).toEqual(errorBody(PROXY_FAILURES.upstreamInvalid));
  });

  it('puts X-Content-Type-Options: nosniff on every answer: passed through, refused, 404, preflight', async () => {
    const { url } = await setUp({ allowedOrigins: ['https://shop.example'] });
    const answers = await Promise.all([
      fetch(`${url}${API_PATHS.receivers}`),
      fetch(`${url}${API_PATHS.offRamp}`, { method: 'POST', headers: json, body: 'not json' }),
      fetch(`${url}/elsewhere`),
      fetch(`${url}${API_PATHS.offRamp}`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 404, 204]);
    for (const answer of answers) expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('a request body that does not arrive', () => {
  it('is cut off at bodyTimeoutMs: 408 and the connection closed, where a client declaring 200 bytes and sending 6 held it for minutes', async () => {
    const { url, orderPosts } = await setUp({ bodyTimeoutMs: 300 });
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (data) => (received += data.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    const started = Date.now();
    socket.write(`POST ${API_PATHS.offRamp} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"quo`);
    await closed;
    const heldMs = Date.now() - started;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(received).toContain(PROXY_FAILURES.requestTimeout.code);
    expect(heldMs).toBeLessThan(3_000);
    expect(orderPosts).toHaveLength(0);
    console.info(`measured: a trickling body was cut off after ${heldMs} ms`);
  });
});
