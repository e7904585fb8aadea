/**
 * The dev server plugin: `vite` and `vite preview` serve the demo page, the partner proxy at
 * `/proxy` and the sandbox at `/sandbox`, all over real HTTP, so the widget runs exactly as on a
 * partner's site: the page calls the proxy, and the proxy calls the sandbox over HTTP at the
 * server's own `/sandbox`, as it would call the API. Node's req/res become web Request/Response
 * through @hono/node-server. The page is served from the proxy's own origin, so CORS needs no
 * allowlist here.
 *
 * With OFFRAMP_API_BASE, OFFRAMP_API_KEY and OFFRAMP_USER_ID (in a git-ignored `.env`, see
 * `.env.example`), the proxy forwards to that API (staging) instead of the in-process sandbox.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadEnv, type Connect, type Logger, type Plugin } from 'vite';
import * as z from 'zod/mini';
import { API_PATHS, HEADERS } from '../api/contract';
import { API_ERRORS, errorBody } from '../api/errors';
import type { WebhookEvent } from '../api/webhooks';
import { createOffRampProxy, createWebhookHandler, type OffRampProxy, type OffRampProxyOptions, type ProxyLogger } from '../proxy';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox } from '../sandbox';
import { DEMO_CONTROL_PATH, DEMO_KYC_PATH, DEMO_USER_COOKIE, DEMO_WEBHOOKS_PATH, type DemoUser } from './settings';

export const SANDBOX_MOUNT = '/sandbox';
export const PROXY_MOUNT = '/proxy';
/** How many received events the demo keeps to show. */
const DEMO_WEBHOOKS_KEPT = 50;

/** The demo partner's spread (the contract's examples use 0.5 %). */
const DEMO_PREMIUM_SPREAD = 0.005;

/** The cookie stands in for the partner's session: which sandbox user is signed in. */
const DEMO_USERS: Record<DemoUser, string> = {
  verified: SANDBOX_FIXTURES.newUserId,
  saved: SANDBOX_FIXTURES.verifiedUserId,
  unverified: SANDBOX_FIXTURES.unverifiedUserId,
};

const cookie = (request: Request, name: string): string | undefined => {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
};

/** Absent cookie: the verified user. An unknown value: nobody signed in (the proxy answers 401). */
const demoUserId = (request: Request): string | undefined => {
  const user = cookie(request, DEMO_USER_COOKIE) ?? 'verified';
  return Object.hasOwn(DEMO_USERS, user) ? DEMO_USERS[user as DemoUser] : undefined;
};

export interface OffRampDevServerOptions {
  /** Variables to use instead of `.env` and the environment (tests). */
  env?: Record<string, string | undefined>;
  /**
   * The proxy's rate limits (see `createOffRampProxy`); default its own. The demo signs every
   * browser in as one of three users: many browsers checking out at once (a test run) lift them.
   */
  rateLimits?: OffRampProxyOptions['rateLimits'];
}

type Env = Record<string, string | undefined>;

type Upstream = Pick<OffRampProxyOptions, 'upstream' | 'apiKey' | 'resolveUserId' | 'fetch'>;

/** The real API, when all three variables are there. */
const realApiOf = (env: Env): Upstream | undefined => {
  const { OFFRAMP_API_BASE: base, OFFRAMP_API_KEY: apiKey, OFFRAMP_USER_ID: userId } = env;
  return base && apiKey && userId ? { upstream: base, apiKey, resolveUserId: () => userId } : undefined;
};

/** The sandbox at this server's own `/sandbox`, over HTTP; in-process only if the server has no address (middleware mode). */
const sandboxUpstream = (sandbox: Sandbox, origin: string | undefined): Upstream => {
  const signIn = { apiKey: SANDBOX_FIXTURES.apiKey, resolveUserId: demoUserId };
  return origin ? { upstream: `${origin}${SANDBOX_MOUNT}`, ...signIn } : { upstream: 'http://sandbox.invalid', fetch: sandbox.fetch, ...signIn };
};

/** Where this server listens, as a URL it can call itself on: a wildcard address means loopback. */
const ownOrigin = (address: AddressInfo | string | null | undefined, https: boolean): string | undefined => {
  if (!address || typeof address === 'string') return undefined;
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '[::1]' : address.address;
  return `${https ? 'https' : 'http'}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${address.port}`;
};

/** The proxy's structured lines in Vite's own log (so `logLevel` governs them). */
const viteLogger =
  (logger: Logger): ProxyLogger =>
  ({ level, ...entry }) =>
    logger[level](`offramp proxy ${JSON.stringify(entry)}`, { timestamp: true });

/**
 * The demo page sends `{ quoteLifetimeMs }` (30 s or 5 min). The other sandbox settings are
 * accepted too, for showing loading states (`latencyMs`), the status walk (`statusTickMs`) and
 * failures (`outage`) by hand.
 */
const controlSchema = z.object({
  quoteLifetimeMs: z.optional(z.number().check(z.positive())),
  latencyMs: z.optional(z.number().check(z.gte(0), z.lte(60_000))),
  statusTickMs: z.optional(z.number().check(z.positive())),
  outage: z.optional(z.boolean()),
  /** Puts the "KYC not done" user back to unverified, so the verification can be shown again. */
  resetKyc: z.optional(z.boolean()),
});

/** `POST /sandbox/__control`: the demo page's settings. */
const controlApp = (sandbox: Sandbox) =>
  new Hono().post('/', async (c) => {
    const parsed = controlSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json(errorBody(API_ERRORS.invalidUserInput), 400);
    const { resetKyc, ...settings } = parsed.data;
    if (resetKyc) sandbox.rejectUser(DEMO_USERS.unverified);
    sandbox.configure(settings);
    return c.json({ success: true, data: parsed.data });
  });

/** Receives webhooks as a partner's back end would (`createWebhookHandler`), and lists them for the demo page. */
const webhookReceiver = (secret: string, logger: ProxyLogger) => {
  const received: { receivedAt: string; event: WebhookEvent }[] = [];
  const receive = createWebhookHandler({
    secret,
    logger,
    onEvent: (event) => {
      received.unshift({ receivedAt: new Date().toISOString(), event });
      received.splice(DEMO_WEBHOOKS_KEPT);
    },
  });
  return (request: Request) =>
    request.method === 'GET' ? Response.json({ success: true, data: received }, { headers: { 'cache-control': 'no-store' } }) : receive(request);
};

/**
 * `GET /demo/kyc`: the partner's hand-over to identity verification, as `onKycRequired` would start
 * it: a verification link for the signed-in user, on the sandbox's own page, which comes back here.
 */
const kycHandOver = (sandbox: Sandbox, origin: () => string | undefined) => async (request: Request) => {
  const userId = demoUserId(request);
  const at = origin() ?? new URL(request.url).origin;
  if (!userId) return new Response('Nobody is signed in.', { status: 401 });
  if (new URL(request.url).searchParams.has('done')) {
    return new Response('<!doctype html><title>Verified</title><p>Your identity check is done. You can close this tab and go back to the checkout.</p>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
  sandbox.configure({ publicUrl: `${at}${SANDBOX_MOUNT}` });
  const answer = await sandbox.fetch(API_PATHS.kycVerificationLink(userId), {
    method: 'POST',
    headers: { [HEADERS.apiKey]: SANDBOX_FIXTURES.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ country: 'MX', partnerRedirectUri: `${at}${DEMO_KYC_PATH}?done` }),
  });
  const { data } = (await answer.json()) as { data: { kycLink: string } };
  return Response.redirect(data.kycLink, 303);
};

type Middleware = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Mounts one web-standard handler; connect strips the mount path, so it sees the API's own paths. */
const listener = (handler: (request: Request, env?: unknown) => Response | Promise<Response>): Middleware =>
  // overrideGlobalObjects: false, so Vite's process keeps Node's own Request and Response.
  getRequestListener(handler, { overrideGlobalObjects: false });

const mount = (
  middlewares: Connect.Server,
  env: Env,
  rateLimits: OffRampProxyOptions['rateLimits'],
  logger: Logger,
  origin: () => string | undefined,
) => {
  const sandbox = createSandbox();
  const realApi = realApiOf(env);
  // Made at the first request: only then does the server know its port, so the proxy can reach /sandbox.
  let proxy: OffRampProxy | undefined;
  const webhooks = webhookReceiver(env.OFFRAMP_WEBHOOK_SECRET ?? SANDBOX_FIXTURES.webhookSecret, viteLogger(logger));
  // The sandbox sends its events to this server's receiver, once the server knows its address.
  const subscribeSandbox = (at: string | undefined) => {
    if (realApi || !at) return;
    const body = JSON.stringify({ url: `${at}${DEMO_WEBHOOKS_PATH}` });
    void sandbox.fetch(API_PATHS.webhookSettings, { method: 'PUT', headers: { [HEADERS.apiKey]: SANDBOX_FIXTURES.apiKey, 'content-type': 'application/json' }, body });
  };
  const proxyNow = () => {
    if (proxy) return proxy;
    subscribeSandbox(origin());
    return (proxy = createOffRampProxy({
      ...(realApi ?? sandboxUpstream(sandbox, origin())),
      premiumSpread: DEMO_PREMIUM_SPREAD,
      rateLimits,
      logger: viteLogger(logger),
    }));
  };
  // The control path lies under the sandbox's mount: register it first.
  middlewares.use(DEMO_CONTROL_PATH, listener(controlApp(sandbox).fetch));
  middlewares.use(SANDBOX_MOUNT, listener(sandbox));
  middlewares.use(PROXY_MOUNT, listener((request, bindings) => proxyNow()(request, bindings)));
  middlewares.use(DEMO_WEBHOOKS_PATH, listener(webhooks));
  if (!realApi) middlewares.use(DEMO_KYC_PATH, listener(kycHandOver(sandbox, origin)));
  logger.info(
    realApi
      ? `offramp: ${PROXY_MOUNT} → ${new URL(realApi.upstream).origin} (from OFFRAMP_API_BASE)` // the origin only: never credentials or a query
      : `offramp: ${PROXY_MOUNT} → the sandbox at ${SANDBOX_MOUNT}, over HTTP (key ${SANDBOX_FIXTURES.apiKey})`,
  );
};

export function offRampDevServer(options: OffRampDevServerOptions = {}): Plugin {
  let env: Env = {};
  return {
    name: 'offramp-dev-server',
    configResolved(config) {
      // Prefix '' loads every variable, not only VITE_*; none of them reaches the browser bundle.
      env = options.env ?? loadEnv(config.mode, process.cwd(), '');
    },
    configureServer(server) {
      const https = Boolean(server.config.server.https);
      mount(server.middlewares, env, options.rateLimits, server.config.logger, () => ownOrigin(server.httpServer?.address(), https));
    },
    configurePreviewServer(server) {
      const https = Boolean(server.config.preview.https);
      mount(server.middlewares, env, options.rateLimits, server.config.logger, () => ownOrigin(server.httpServer.address(), https));
    },
  };
}
