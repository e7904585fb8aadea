// @vitest-environment node
/**
 * The dev server plugin over real HTTP: the sandbox at /sandbox, the proxy at /proxy with the demo
 * session cookie, the control endpoint, and forwarding to a real API when the environment names one.
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, preview, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { offRampDevServer, type OffRampDevServerOptions } from '../../src/demo/server';
import { DEMO_WEBHOOKS_PATH } from '../../src/demo/settings';
import { DEMO_CONTROL_PATH, DEMO_USER_COOKIE } from '../../src/demo/settings';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { waitFor } from './helpers';

const QUOTE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const baseOf = (address: AddressInfo | string | null | undefined) => {
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
};

const temporary: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A bare dev server with only the plugin (and `before` it, a test's own); `env` stands in for `.env`. */
const startDev = async (env: Record<string, string>, before: Plugin[] = [], options: Omit<OffRampDevServerOptions, 'env'> = {}) => {
  const server = await createServer({
    configFile: false,
    root: tempDir('offramp-dev-'),
    logLevel: 'silent',
    plugins: [...before, offRampDevServer({ ...options, env })],
    server: { host: '127.0.0.1', port: 0, ws: false },
  });
  await server.listen();
  return { server, base: baseOf(server.httpServer?.address()) };
};

/** Sees every request that reaches the sandbox's mount, before the sandbox does. */
const sandboxSpy = (seen: string[]): Plugin => ({
  name: 'sandbox-spy',
  configureServer: (server) =>
    void server.middlewares.use('/sandbox', (req, _res, next) => {
      seen.push(`${req.method} ${req.url}`);
      next();
    }),
});

describe('offRampDevServer in `vite` (sandbox mode)', () => {
  let server: ViteDevServer;
  let base: string;
  const reachedSandbox: string[] = [];
  beforeAll(async () => ({ server, base } = await startDev({}, [sandboxSpy(reachedSandbox)])));
  afterAll(() => server?.close());

  it("receives the sandbox's signed webhooks at /demo/webhooks with createWebhookHandler and lists them; a forged one is refused", async () => {
    const quote = await (await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).json();
    const order = await (
      await fetch(`${base}/proxy${API_PATHS.offRamp}`, json({ quoteId: quote.data.quoteId, userBankInformationId: F.bankAccountId }, { cookie: `${DEMO_USER_COOKIE}=saved` }))
    ).json();
    const listed = async () => ((await (await fetch(`${base}${DEMO_WEBHOOKS_PATH}`)).json()) as { data: { event: { transactionId?: string; event: string } }[] }).data;
    await waitFor(async () => (await listed()).some(({ event }) => event.transactionId === order.data.id));
    expect((await listed()).find(({ event }) => event.transactionId === order.data.id)?.event.event).toBe('CREATED_OFF_RAMP');
    const forged = await fetch(`${base}${DEMO_WEBHOOKS_PATH}`, json({ type: 'TRANSACTION', event: 'COMPLETED_OFF_RAMP', transactionId: order.data.id }, { 'capa-signature': '0'.repeat(64) }));
    expect(forged.status).toBe(401);
    expect((await listed()).filter(({ event }) => event.event === 'COMPLETED_OFF_RAMP')).toHaveLength(0);
  });

  it('puts the proxy in front of the sandbox over HTTP: the key and user are added on the way to /sandbox', async () => {
    const before = reachedSandbox.length;
    const answer = await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE));
    expect(answer.status).toBe(201);
    expect(reachedSandbox.slice(before)).toEqual([`POST ${API_PATHS.quotes}`]);
  });

  it("serves the demo page's own origin, and refuses a page on any other", async () => {
    const sameOrigin = await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE, { origin: base }));
    expect(sameOrigin.status).toBe(201);
    const foreign = await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE, { origin: 'https://elsewhere.example' }));
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual(errorBody(API_ERRORS.originNotAllowed));
  });

  it('serves the sandbox at /sandbox to anyone with a sandbox key', async () => {
    const answer = await fetch(`${base}/sandbox${API_PATHS.receivers}?userId=${F.verifiedUserId}`, { headers: { [HEADERS.apiKey]: F.apiKey } });
    expect(answer.status).toBe(200);
    expect((await answer.json()).data.total).toBe(2);
    const refused = await fetch(`${base}/sandbox${API_PATHS.receivers}`);
    expect(await refused.json()).toEqual(errorBody(API_ERRORS.apiKeyMissing));
  });

  it('serves the proxy at /proxy for the verified demo user when no cookie is set', async () => {
    const quote = await (await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).json();
    const answer = await fetch(
      `${base}/proxy${API_PATHS.offRamp}`,
      json({ quoteId: quote.data.quoteId, userBankInformation: { country: 'MX', accountIdentifier: F.clabe } }, { [HEADERS.idempotencyKey]: 'dev-0123456789abcdef' }),
    );
    expect(answer.status).toBe(201);
    expect(answer.headers.get(HEADERS.requestId)).toBeTruthy();
    expect((await answer.json()).data).toMatchObject({ userId: F.newUserId, premiumSpread: 0.005 });
  });

  it('acts as the unverified user when the cookie says so, and as nobody for an unknown value', async () => {
    const order = { ...QUOTE, userBankInformationId: F.bankAccountId, transactionType: undefined };
    const unverified = await fetch(`${base}/proxy${API_PATHS.offRamp}`, json(order, { cookie: `${DEMO_USER_COOKIE}=unverified` }));
    expect(await unverified.json()).toEqual(errorBody(API_ERRORS.userNotVerified));
    const nobody = await fetch(`${base}/proxy${API_PATHS.offRamp}`, json(order, { cookie: `${DEMO_USER_COOKIE}=mallory` }));
    expect(nobody.status).toBe(401);
  });

  it('sets the quote lifetime from the control endpoint', async () => {
    const control = await fetch(`${base}${DEMO_CONTROL_PATH}`, json({ quoteLifetimeMs: 30_000 }));
    expect(control.status).toBe(200);
    // Between the clock before the request and after its answer, however long that took.
    const before = Date.now();
    const quote = (await (await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).json()).data;
    const after = Date.now();
    expect(Date.parse(quote.expiresAt)).toBeGreaterThanOrEqual(before + 30_000 - 1_000);
    expect(Date.parse(quote.expiresAt)).toBeLessThanOrEqual(after + 30_000 + 1_000);
    expect((await fetch(`${base}${DEMO_CONTROL_PATH}`, json({ quoteLifetimeMs: -5 }))).status).toBe(400);
    await fetch(`${base}${DEMO_CONTROL_PATH}`, json({ quoteLifetimeMs: 300_000 }));
  });

  it('simulates an outage from the control endpoint, and the proxy passes its 500 through', async () => {
    await fetch(`${base}${DEMO_CONTROL_PATH}`, json({ outage: true }));
    const answer = await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE));
    await fetch(`${base}${DEMO_CONTROL_PATH}`, json({ outage: false }));
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual(errorBody(API_ERRORS.quoteFailed));
    expect((await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).status).toBe(201);
  });
});

describe('offRampDevServer with OFFRAMP_API_BASE, OFFRAMP_API_KEY and OFFRAMP_USER_ID', () => {
  // A stand-in for staging: another sandbox, on its own port, with another partner's key and user.
  const staging = createSandbox({ seed: 'staging' });
  let api: ReturnType<typeof serve>;
  let server: ViteDevServer;
  let base: string;

  beforeAll(async () => {
    api = serve({ fetch: staging, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => api.once('listening', resolve));
    ({ server, base } = await startDev({
      OFFRAMP_API_BASE: baseOf(api.address()),
      OFFRAMP_API_KEY: F.otherPartnerApiKey,
      OFFRAMP_USER_ID: F.otherPartnerUserId,
    }));
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => api?.close(resolve));
  });

  it("forwards /proxy to that API with that key and user, whatever the demo cookie says", async () => {
    const answer = await fetch(
      `${base}/proxy${API_PATHS.offRamp}`,
      json(
        { ...QUOTE, transactionType: undefined, userBankInformationId: F.otherPartnerBankAccountId },
        { cookie: `${DEMO_USER_COOKIE}=unverified` },
      ),
    );
    expect(answer.status).toBe(201);
    expect((await answer.json()).data.userId).toBe(F.otherPartnerUserId);
    expect(staging.orders()).toHaveLength(1);
  });
});

describe('offRampDevServer({ rateLimits })', () => {
  it("gives the proxy the limits it is given, instead of the proxy's own", async () => {
    const { server, base } = await startDev({}, [], { rateLimits: { quotes: { perUser: 1 } } });
    try {
      expect((await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).status).toBe(201);
      expect((await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE))).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('offRampDevServer in `vite preview`', () => {
  let server: PreviewServer;
  let base: string;

  beforeAll(async () => {
    const outDir = tempDir('offramp-preview-');
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>demo</title>');
    server = await preview({
      configFile: false,
      logLevel: 'silent',
      plugins: [offRampDevServer({ env: {} })],
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    base = baseOf(server.httpServer.address());
  });
  afterAll(() => server?.close());

  it('mounts the same sandbox and proxy', async () => {
    const quote = await fetch(`${base}/proxy${API_PATHS.quotes}`, json(QUOTE));
    expect(quote.status).toBe(201);
    const sandbox = await fetch(`${base}/sandbox${API_PATHS.mockTestingGuide}`, { headers: { [HEADERS.apiKey]: F.apiKey } });
    expect(sandbox.status).toBe(200);
  });
});
