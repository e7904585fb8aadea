// @vitest-environment node
/**
 * Exactly one order per confirmation: the stores' atomic operations (memory, and Redis on a real
 * redis-server this file starts), the proxy's Idempotency-Key rules, and fifty concurrent
 * confirmations spread over two proxy instances sharing one Redis.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import {
  createMemoryStore,
  createOffRampProxy,
  createRedisStore,
  type InFlightRecord,
  type OffRampProxyOptions,
  type ProxyStore,
} from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { servers, startRedis, type RedisServer } from './helpers';

const serve = servers();

/** An order answer but its bank account, which a replay carries masked (the store keeps no bank numbers). */
const withoutBankAccount = (text: string) => {
  const { data, ...rest } = JSON.parse(text) as { data: { bankAccount?: unknown } };
  const { bankAccount: _masked, ...order } = data;
  return JSON.stringify({ ...rest, data: order });
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redisServer: RedisServer;
const clients: Redis[] = [];
/** A client of its own, as each proxy instance would have. */
const redisClient = () => {
  const client = new Redis({ host: '127.0.0.1', port: redisServer.port, maxRetriesPerRequest: 1 });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  redisServer = await startRedis();
}, 30_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  await redisServer?.stop();
});

const inFlight = (token: string, fingerprint = 'f1'): InFlightRecord => ({ state: 'in-flight', fingerprint, token });

let prefixes = 0;
const STORES: [string, () => ProxyStore][] = [
  ['memory', () => createMemoryStore()],
  // A fresh prefix per test: one server, no test sees another's keys.
  ['Redis', () => createRedisStore(redisClient(), { keyPrefix: `test-${(prefixes += 1)}:` })],
];

describe.each(STORES)('the %s store', (_name, makeStore) => {
  it('lets one claim win, and shows the others the winner', async () => {
    const store = makeStore();
    expect(await store.claim('k', inFlight('a'), 60_000)).toBeUndefined();
    expect(await store.claim('k', inFlight('b', 'f2'), 60_000)).toEqual(inFlight('a'));
  });

  it('lets exactly one of fifty concurrent claims win', async () => {
    const store = makeStore();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim('k', inFlight(`t${i}`), 60_000)));
    expect(results.filter((result) => result === undefined)).toHaveLength(1);
  });

  it('swaps and releases only the record it expects', async () => {
    const store = makeStore();
    const done = { state: 'done' as const, fingerprint: 'f1', status: 201, body: '{"ok":1}' };
    await store.claim('k', inFlight('a'), 60_000);
    expect(await store.swap('k', inFlight('intruder'), done, 60_000)).toBe(false);
    await store.release('k', inFlight('intruder'));
    expect(await store.claim('k', inFlight('b'), 60_000)).toEqual(inFlight('a'));
    expect(await store.swap('k', inFlight('a'), done, 60_000)).toBe(true);
    expect(await store.claim('k', inFlight('b'), 60_000)).toEqual(done);
    expect(await store.get('k')).toEqual(done);
    await store.release('k', inFlight('a')); // no longer a claim: stays done
    expect(await store.claim('k', inFlight('b'), 60_000)).toEqual(done);

    await store.claim('other', inFlight('c'), 60_000);
    await store.release('other', inFlight('c'));
    expect(await store.claim('other', inFlight('d'), 60_000)).toBeUndefined();
    expect(await store.get('nothing')).toBeUndefined();
  });

  it('lets exactly one of fifty concurrent swaps from one unknown outcome win', async () => {
    const store = makeStore();
    const unknown = { state: 'unknown' as const, fingerprint: 'f1', since: 1_700_000_000_000 };
    await store.claim('k', inFlight('a'), 60_000);
    await store.swap('k', inFlight('a'), unknown, 60_000);
    const wins = await Promise.all(Array.from({ length: 50 }, (_, i) => store.swap('k', unknown, { ...inFlight(`t${i}`), since: unknown.since }, 60_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a claim and a count when they expire', async () => {
    const store = makeStore();
    await store.claim('k', inFlight('a'), 100);
    // Redis counts the window down in whole milliseconds: one may have passed since the first hit.
    const first = await store.hit('n', 100);
    expect(first.count).toBe(1);
    expect(first.resetInMs).toBeGreaterThan(0);
    expect(first.resetInMs).toBeLessThanOrEqual(100);
    const second = await store.hit('n', 100);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeLessThanOrEqual(100);
    await sleep(150);
    expect(await store.claim('k', inFlight('b'), 100)).toBeUndefined();
    expect((await store.hit('n', 100)).count).toBe(1);
  });

  it('counts fifty concurrent hits exactly', async () => {
    const store = makeStore();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit('n', 60_000)));
    expect(counts.map(({ count }) => count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});

// ── The proxy's Idempotency-Key rules, against an API whose answers the test controls ─────────────

const ORDER = { quoteId: 'q-1', userBankInformationId: F.bankAccountId };
const KEY = 'confirm-0123456789abcdef';

/** The contract's order answer (numbered, so two orders differ). */
const orderAnswer = (n: number) => ({
  success: true,
  data: {
    id: `63f51f11-6869-47b0-a109-${String(n).padStart(12, '0')}`,
    userId: F.verifiedUserId,
    status: 'PENDING_PAYMENT',
    cryptoAmount: 100,
    fiatAmount: 1788.4,
    exchangeRate: 17.884,
    tokenSymbol: 'USDC',
    blockchainSymbol: 'POL',
    fiatCurrency: 'MXN',
    premiumSpread: 0.005,
    createdAt: '2026-11-23T18:03:10.000Z',
    completedAt: null,
    destinationWalletAddress: '0x7796d4f304bd84171ee6730ad0f69c07a47e786d',
    bankAccount: { country: 'MX', accountIdentifier: F.clabe, isVerified: true },
  },
});

/**
 * A fake API: each order waits for `release()` when `hold` is set, and answers with the next
 * status queued (an order for 2xx, an error row else), cut short when `truncate` says so. Its
 * transaction list is always empty.
 */
const controlledApi = () => {
  const api = { arrivals: 0, listings: 0, statuses: [] as number[], truncate: [] as boolean[], hold: false, waiting: [] as (() => void)[] };
  const handler = async (request: Request) => {
    api.arrivals += 1;
    if (request.method === 'GET') {
      api.listings += 1;
      return Response.json({ success: true, data: { count: 0, data: [] } });
    }
    const n = api.arrivals;
    await request.text();
    if (api.hold) await new Promise<void>((resolve) => api.waiting.push(resolve));
    const status = api.statuses.shift() ?? 201;
    const body = JSON.stringify(status < 300 ? orderAnswer(n) : errorBody(API_ERRORS.quoteExpired));
    const cut = api.truncate.shift() ?? false;
    return new Response(cut ? body.slice(0, 40) : body, { status, headers: { 'content-type': 'application/json' } });
  };
  const release = () => api.waiting.splice(0).forEach((resolve) => resolve());
  return { api, handler, release };
};

const setUp = async (options: Partial<OffRampProxyOptions> = {}) => {
  const { api, handler, release } = controlledApi();
  const { url: upstream } = await serve(handler);
  const proxy = createOffRampProxy({
    upstream,
    apiKey: F.apiKey,
    resolveUserId: (request) => request.headers.get('x-test-user') ?? undefined,
    logger: () => {},
    ...options,
  });
  const { url } = await serve(proxy);
  const order = (body: unknown = ORDER, { key = KEY, user = F.verifiedUserId }: { key?: string | null; user?: string } = {}) =>
    fetch(`${url}${API_PATHS.offRamp}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': user, ...(key === null ? {} : { [HEADERS.idempotencyKey]: key }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { api, release, order };
};

describe('Idempotency-Key on POST /off-ramp', () => {
  it('forwards the first request once and replays its status and body to a repeat', async () => {
    const { api, order } = await setUp();
    const first = await order();
    const repeat = await order(JSON.stringify({ userBankInformationId: F.bankAccountId, quoteId: 'q-1' })); // same body, keys reordered
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    const [firstText, repeatText] = [await first.text(), await repeat.text()];
    expect(withoutBankAccount(repeatText)).toBe(withoutBankAccount(firstText));
    expect(JSON.parse(repeatText).data.bankAccount).toEqual({ country: 'MX', accountIdentifier: `••••${F.clabe.slice(-4)}`, isVerified: true });
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(repeat.headers.get(HEADERS.requestId)).not.toBe(first.headers.get(HEADERS.requestId));
    expect(api.arrivals).toBe(1);
  });

  it('stores no bank number: what it keeps for repeats has them masked', async () => {
    const memory = createMemoryStore();
    const stored: string[] = [];
    const store: ProxyStore = { ...memory, swap: async (key, expected, next, ttlMs) => {
      stored.push(JSON.stringify(next));
      return memory.swap(key, expected, next, ttlMs);
    } };
    const { order } = await setUp({ store });
    expect((await order()).status).toBe(201);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(F.clabe);
  });

  it('answers 422 to the same key with another body', async () => {
    const { api, order } = await setUp();
    await order();
    const other = await order({ ...ORDER, userBankInformationId: F.pendingBankAccountId });
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual(errorBody(API_ERRORS.idempotencyKeyMismatch));
    expect(api.arrivals).toBe(1);
  });

  it('answers 409 to a repeat while the first is in flight, when told not to wait', async () => {
    const { api, release, order } = await setUp({ idempotency: { waitMs: 0 } });
    api.hold = true;
    const first = order();
    while (api.arrivals === 0) await sleep(5);
    const repeat = await order();
    expect(repeat.status).toBe(409);
    expect(await repeat.json()).toEqual(errorBody(API_ERRORS.idempotencyInProgress));
    release();
    expect((await first).status).toBe(201);
    expect(api.arrivals).toBe(1);
  });

  it('lets a repeat wait for the first in flight and answers it the same', async () => {
    const { api, release, order } = await setUp({ idempotency: { waitMs: 3_000 } });
    api.hold = true;
    const first = order();
    while (api.arrivals === 0) await sleep(5);
    const repeat = order();
    await sleep(100);
    release();
    const [a, b] = await Promise.all([first, repeat]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(withoutBankAccount(await b.text())).toBe(withoutBankAccount(await a.text()));
    expect(api.arrivals).toBe(1);
  });

  it('processes a key afresh when its first attempt failed', async () => {
    const { api, order } = await setUp();
    api.statuses.push(400);
    expect((await order()).status).toBe(400);
    expect((await order()).status).toBe(201);
    expect((await order()).status).toBe(201);
    expect(api.arrivals).toBe(2);
  });

  it('does not replay a success it cannot read (wrong types): the repeat asks the API for the order first', async () => {
    const { api, order } = await setUp();
    api.truncate.push(true);
    const first = await order();
    expect(first.status).toBe(502); // cut short: not JSON, so not passed on
    const second = await order();
    // This fake lists no transactions: the API shows no order, so the repeat is forwarded.
    expect(second.status).toBe(201);
    expect(api.arrivals).toBe(3); // the first order, the look-up, the repeat
    expect(api.listings).toBe(1);
    const third = await order();
    expect(withoutBankAccount(await third.text())).toBe(withoutBankAccount(await second.text()));
    expect(api.arrivals).toBe(3);
  });

  it("scopes keys to the signed-in user: another user's same key is another order", async () => {
    const { api, order } = await setUp();
    await order(ORDER, { user: F.verifiedUserId });
    const other = await order(ORDER, { user: F.otherUserId });
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(api.arrivals).toBe(2);
  });

  it('forgets a key after its ttl', async () => {
    const { api, order } = await setUp({ idempotency: { ttlMs: 150 } });
    await order();
    await sleep(200);
    await order();
    expect(api.arrivals).toBe(2);
  });

  it('refuses a malformed key, and forwards every request that has none', async () => {
    const { api, order } = await setUp();
    const short = await order(ORDER, { key: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual(errorBody(API_ERRORS.invalidUserInput));
    await order(ORDER, { key: null });
    await order(ORDER, { key: null });
    expect(api.arrivals).toBe(2);
  });
});

// ── The real thing: two instances, one Redis, the sandbox over HTTP ──────────────────────────────

describe('fifty concurrent confirmations with one key, over two proxy instances sharing one Redis', () => {
  it('make exactly one order upstream; every answer is the same 201 body or 409', async () => {
    // Slow enough that most repeats arrive while the first is in flight.
    const sandbox = createSandbox({ seed: 'fifty', latencyMs: 300 });
    let ordersReceived = 0;
    const { url: upstream } = await serve((request) => {
      if (request.method === 'POST' && new URL(request.url).pathname === API_PATHS.offRamp) ordersReceived += 1;
      return sandbox(request);
    });
    const instance = async (waitMs: number) => {
      const proxy = createOffRampProxy({
        upstream,
        apiKey: F.apiKey,
        resolveUserId: () => F.verifiedUserId,
        premiumSpread: 0.005,
        store: createRedisStore(redisClient(), { keyPrefix: 'fifty:' }),
        // One waits for the first answer, the other answers 409 at once: both paths are taken.
        idempotency: { waitMs },
        rateLimits: false,
        logger: () => {},
      });
      return (await serve(proxy)).url;
    };
    const instances = await Promise.all([instance(5_000), instance(0)]);

    const quote = await (
      await fetch(`${instances[0]}${API_PATHS.quotes}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 }),
      })
    ).json();
    const body = JSON.stringify({ quoteId: quote.data.quoteId, userBankInformationId: F.bankAccountId });
    const key = crypto.randomUUID();

    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await fetch(`${instances[i % 2]}${API_PATHS.offRamp}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HEADERS.idempotencyKey]: key },
          body,
        });
        return { status: response.status, text: await response.text() };
      }),
    );

    expect(ordersReceived).toBe(1);
    expect(sandbox.orders()).toHaveLength(1);
    const created = answers.filter((answer) => answer.status === 201);
    const inProgress = answers.filter((answer) => answer.status === 409);
    expect(created.length + inProgress.length).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => withoutBankAccount(answer.text))).size).toBe(1);
    expect(JSON.parse(created[0]!.text).data).toMatchObject({ id: sandbox.orders()[0]!.id, userId: F.verifiedUserId });
    for (const answer of inProgress) expect(JSON.parse(answer.text)).toEqual(errorBody(API_ERRORS.idempotencyInProgress));
  }, 30_000);
});
