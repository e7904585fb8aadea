/**
 * The dev server plugin: `vite` and `vite preview` serve the demo page, the partner proxy at
 * `/proxy` and the sandbox at `/sandbox`, all over real HTTP, so the widget runs exactly as on a
 * partner's site. Node's req/res become web Request/Response through @hono/node-server.
 *
 * With OFFRAMP_API_BASE, OFFRAMP_API_KEY and OFFRAMP_USER_ID (in a git-ignored `.env`, see
 * `.env.example`), the proxy forwards to that API (staging) instead of the in-process sandbox.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadEnv, type Connect, type Logger, type Plugin } from 'vite';
import * as z from 'zod/mini';
import { API_ERRORS, errorBody } from '../api/errors';
import { createOffRampProxy, type OffRampProxyOptions } from '../proxy';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox } from '../sandbox';
import { DEMO_CONTROL_PATH, DEMO_USER_COOKIE, type DemoUser } from './settings';

export const SANDBOX_MOUNT = '/sandbox';
export const PROXY_MOUNT = '/proxy';

/** The demo partner's spread (the contract's examples use 0.5 %). */
const DEMO_PREMIUM_SPREAD = 0.005;

/** The cookie stands in for the partner's session: which sandbox user is signed in. */
const DEMO_USERS: Record<DemoUser, string> = {
  verified: SANDBOX_FIXTURES.verifiedUserId,
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
}

type Env = Record<string, string | undefined>;

/** The real API, when all three variables are there; else the sandbox in this process. */
const upstreamOf = (env: Env, sandbox: Sandbox): Pick<OffRampProxyOptions, 'upstream' | 'apiKey' | 'resolveUserId' | 'fetch'> => {
  const { OFFRAMP_API_BASE: base, OFFRAMP_API_KEY: apiKey, OFFRAMP_USER_ID: userId } = env;
  if (base && apiKey && userId) return { upstream: base, apiKey, resolveUserId: () => userId };
  return { upstream: 'http://sandbox.invalid', apiKey: SANDBOX_FIXTURES.apiKey, resolveUserId: demoUserId, fetch: sandbox.fetch };
};

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
});

/** `POST /sandbox/__control`: the demo page's settings. */
const controlApp = (sandbox: Sandbox) =>
  new Hono().post('/', async (c) => {
    const parsed = controlSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json(errorBody(API_ERRORS.invalidUserInput), 400);
    sandbox.configure(parsed.data);
    return c.json({ success: true, data: parsed.data });
  });

type Middleware = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Mounts one web-standard handler; connect strips the mount path, so it sees the API's own paths. */
const listener = (handler: (request: Request) => Response | Promise<Response>): Middleware =>
  // overrideGlobalObjects: false, so Vite's process keeps Node's own Request and Response.
  getRequestListener(handler, { overrideGlobalObjects: false });

const mount = (middlewares: Connect.Server, env: Env, logger: Logger) => {
  const sandbox = createSandbox();
  const upstream = upstreamOf(env, sandbox);
  const proxy = createOffRampProxy({ ...upstream, premiumSpread: DEMO_PREMIUM_SPREAD });
  // The control path lies under the sandbox's mount: register it first.
  middlewares.use(DEMO_CONTROL_PATH, listener(controlApp(sandbox).fetch));
  middlewares.use(SANDBOX_MOUNT, listener(sandbox));
  middlewares.use(PROXY_MOUNT, listener(proxy));
  logger.info(
    upstream.fetch
      ? `offramp: ${PROXY_MOUNT} → in-process sandbox (also at ${SANDBOX_MOUNT}; key ${SANDBOX_FIXTURES.apiKey})`
      : `offramp: ${PROXY_MOUNT} → ${upstream.upstream} (from OFFRAMP_API_BASE)`,
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
      mount(server.middlewares, env, server.config.logger);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, env, server.config.logger);
    },
  };
}
