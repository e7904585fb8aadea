/**
 * The partner proxy: the widget's only server, and the only holder of the API key. A web-standard
 * handler (`(Request) => Promise<Response>`), so it runs unchanged in Node (through
 * @hono/node-server, Express included), Next.js route handlers, Cloudflare Workers, Deno and Bun.
 * It mirrors the API's paths under wherever it is mounted, forwards the few routes the widget uses
 * (routes.ts) for the signed-in user with the partner's key and spread, and answers everything
 * else 404. See docs/proxy.md.
 *
 * ```ts
 * const proxy = createOffRampProxy({
 *   upstream: 'https://staging-api.capa.fi',
 *   apiKey: process.env.OFFRAMP_API_KEY!,
 *   resolveUserId: (request) => sessionOf(request)?.capaUserId,
 *   premiumSpread: 0.005,
 *   basePath: '/offramp',
 *   allowedOrigins: ['https://shop.example'],
 *   store: createRedisStore(new Redis(process.env.REDIS_URL!)), // with several instances
 * });
 * ```
 *
 * The pipeline is a chain of Hono middleware, so each concern is one link: request id and log →
 * origin (CORS) → route (else 404) → body limit → signed-in user → rate limit → the route's
 * rewrite → ownership check → Idempotency-Key → forward with a deadline.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_PATHS, HEADERS, IDEMPOTENCY_KEY_PATTERN } from '../api/contract';
import { API_ERRORS, errorBody, type ApiErrorRow } from '../api/errors';
import { DEFAULT_IDEMPOTENCY, once, REPLAYED_HEADER, type Answer, type IdempotencyOptions } from './idempotency';
import { consoleLogger, describeError, type ProxyLogger } from './log';
import { PROXY_ROUTES, type ProxyRoute, type RateBucket, type UpstreamRequest } from './routes';
import { createMemoryStore, type ProxyStore } from './store';

export { consoleLogger } from './log';
export type { LogLevel, ProxyLogEntry, ProxyLogger } from './log';
export { createMemoryStore } from './store';
export type { DoneRecord, IdempotencyRecord, InFlightRecord, MemoryStoreOptions, ProxyStore, RateCount } from './store';
export { createRedisStore } from './redis';
export type { RedisClient, RedisStoreOptions } from './redis';
export type { IdempotencyOptions } from './idempotency';

/** A limit per fixed window. What is left out keeps DEFAULT_RATE_LIMITS; `Infinity` lifts one count. */
export interface RateLimit {
  /** Requests per window for one signed-in user. */
  perUser?: number;
  /** Requests per window from one client IP (see `clientIp`). */
  perIp?: number;
  /** The window, in ms. Default one minute. */
  windowMs?: number;
}

export interface OffRampProxyOptions {
  /** The API's base URL, e.g. `https://staging-api.capa.fi` (no `/api/partner/v2`). */
  upstream: string;
  /** The partner's API key, from the server's environment; sent as `partner-api-key`, never answered. */
  apiKey: string;
  /**
   * The user signed in on the partner's site, from the request (its session cookie or token); the
   * browser never names the user. `undefined` answers 401 and nothing is forwarded. `env` is the
   * runtime's second argument: under Express, `env.incoming` is Express's own `req` (`req.session`).
   */
  resolveUserId: (request: Request, env: unknown) => string | undefined | Promise<string | undefined>;
  /** The partner's revenue per trade, a fraction (0.005 = 0.5 %). Replaces whatever the browser sent. */
  premiumSpread?: number;
  /** The `fetch` used to reach the API (tests, or `sandbox.fetch` to use the sandbox in-process). Default the global one. */
  fetch?: typeof fetch;
  /** Where the proxy is mounted, stripped before matching (`/offramp` serves `/offramp/api/partner/v2/…`). Default `''`. */
  basePath?: string;
  /**
   * Origins of pages that may call the proxy from another origin (CORS), e.g. `['https://shop.example']`.
   * Same-origin requests always pass; any other origin is refused (403, no CORS headers). Default none.
   */
  allowedOrigins?: readonly string[];
  /** How long the API may take to answer before the proxy answers 504. Default 15 s. */
  timeoutMs?: number;
  /** Larger request bodies get 413. Default 16 KiB (an order with inline bank details is under 2 KiB). */
  maxBodyBytes?: number;
  /**
   * Idempotency records and rate-limit counters. Default `createMemoryStore()` (one instance); with
   * several instances behind a load balancer, one `createRedisStore(redis)` shared by all.
   */
  store?: ProxyStore;
  /** `Idempotency-Key` on `POST /off-ramp`: how long answers are kept, how long a repeat waits. */
  idempotency?: IdempotencyOptions;
  /**
   * Per user and per IP, on quotes (estimates and locked quotes) and orders; answered 429 with
   * `Retry-After`. `false` turns one (or both) off. Defaults in DEFAULT_RATE_LIMITS.
   */
  rateLimits?: { quotes?: RateLimit | false; orders?: RateLimit | false } | false;
  /**
   * The client's IP for the per-IP limits. Default: the socket's address under Node
   * (@hono/node-server, Express), else none (no per-IP limit). Behind a load balancer every socket
   * is the balancer's: read the address it forwards (e.g. the last `x-forwarded-for` entry it adds).
   */
  clientIp?: (request: Request, env: unknown) => string | undefined;
  /** Structured log entries (never bodies, queries or headers). Default: warnings and errors as JSON lines on the console. */
  logger?: ProxyLogger;
}

/** `env` is the runtime's second argument (Node bindings, Workers env, Next.js context), handed to `resolveUserId` and `clientIp`. */
export type OffRampProxy = (request: Request, env?: unknown) => Promise<Response>;

export const DEFAULT_RATE_LIMITS: Record<RateBucket, Required<RateLimit>> = {
  // The widget asks an estimate per settled keystroke and renews a locked quote every few minutes.
  quotes: { perUser: 60, perIp: 300, windowMs: 60_000 },
  orders: { perUser: 10, perIp: 50, windowMs: 60_000 },
};

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
/** Headers of the API's answer that mean the same after the hop; `Date` lets the widget measure clock skew. */
const PASSED_THROUGH = ['content-type', 'date', 'retry-after'];

type Env = { Variables: { requestId: string; userId: string; code: string } };

/** A failure of the proxy itself (not an answer of the API), answered with its row and logged as `event`. */
class ProxyFailure extends Error {
  constructor(
    readonly row: ApiErrorRow,
    readonly event: string,
    cause: unknown,
  ) {
    super(row.message, { cause });
  }
}

const failure = (c: Context<Env>, row: ApiErrorRow, headers?: Record<string, string>) => {
  c.set('code', row.code);
  return c.json(errorBody(row), row.status as ContentfulStatusCode, headers);
};

const answerWith = (c: Context<Env>, answer: Answer | { error: ApiErrorRow }) =>
  'error' in answer ? failure(c, answer.error) : c.body(answer.body, answer.status as ContentfulStatusCode, answer.headers);

/** Whether a body is JSON that `schema` accepts. */
const readable = (schema: { safeParse(value: unknown): { success: boolean } }, body: string): boolean => {
  try {
    return schema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
};

/** Node's socket, as @hono/node-server (and so Express through it) hands it over. */
const nodeSocketAddress = (_request: Request, env: unknown): string | undefined =>
  (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;

/** Rejects when `signal` aborts, even if `promise` (a custom fetch, the sandbox) ignores the signal. */
const abortable = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

export function createOffRampProxy(options: OffRampProxyOptions): OffRampProxy {
  const { apiKey, resolveUserId, premiumSpread, allowedOrigins = [] } = options;
  if (!apiKey) throw new TypeError('createOffRampProxy: apiKey is empty (is the environment variable set?)');
  const apiBase = new URL(options.upstream).href.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const store = options.store ?? createMemoryStore();
  const idempotency = { ...DEFAULT_IDEMPOTENCY, ...options.idempotency };
  const clientIp = options.clientIp ?? nodeSocketAddress;
  const log = options.logger ?? consoleLogger('warn');
  const limits = (bucket: RateBucket): Required<RateLimit> | undefined => {
    const configured = options.rateLimits === false ? false : options.rateLimits?.[bucket];
    return configured === false ? undefined : { ...DEFAULT_RATE_LIMITS[bucket], ...configured };
  };

  const mount = (options.basePath ?? '').replace(/\/+$/, '');
  const app = mount ? new Hono<Env>().basePath(mount) : new Hono<Env>();

  const logEntry = (c: Context<Env>) => ({
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    ...(c.var.userId ? { userId: c.var.userId } : {}),
  });

  // The API documents no request id (assumed): the proxy's own, on every answer, errors included,
  // and on every log line. Never the browser's, so one id is one request.
  app.use('*', async (c, next) => {
    const started = Date.now();
    c.set('requestId', crypto.randomUUID());
    c.header(HEADERS.requestId, c.var.requestId);
    // Answers are per user: no shared cache may keep one.
    c.header('cache-control', 'no-store');
    await next();
    // Info, whatever the status: the API's own errors are answers; the proxy's failures get entries of their own.
    log({
      level: 'info',
      event: 'request',
      ...logEntry(c),
      status: c.res.status,
      durationMs: Date.now() - started,
      ...(c.var.code ? { code: c.var.code } : {}),
    });
  });

  // CORS with an allowlist. A page on any other origin is refused before anything is read, so a
  // cross-site form post cannot place an order with the user's session cookie either.
  const allowed = new Set(allowedOrigins);
  const withCors = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT'],
    exposeHeaders: [HEADERS.requestId, 'date', 'retry-after', REPLAYED_HEADER],
    credentials: true,
    maxAge: 600,
  });
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && allowed.has(origin)) return withCors(c, next);
    // No Origin (a same-origin GET, a server), or the browser's own word that the page is same-origin.
    const sameOrigin = origin === undefined || c.req.header('sec-fetch-site') === 'same-origin' || origin === new URL(c.req.url).origin;
    if (sameOrigin) return next();
    return failure(c, API_ERRORS.originNotAllowed);
  });

  const limitBody = bodyLimit({ maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, onError: (c) => failure(c, API_ERRORS.payloadTooLarge) });

  // Before anything is read or forwarded: without a signed-in user the key is not used.
  const signedIn: MiddlewareHandler<Env> = async (c, next) => {
    const userId = await resolveUserId(c.req.raw, c.env);
    if (!userId) return failure(c, API_ERRORS.signInRequired);
    c.set('userId', userId);
    await next();
  };

  const rateLimited = (bucket: RateBucket | undefined): MiddlewareHandler<Env> => {
    const limit = bucket && limits(bucket);
    return async (c, next) => {
      if (!limit) return next();
      const ip = clientIp(c.req.raw, c.env);
      const counters: [string, number][] = [[`rate:${bucket}:user:${c.var.userId}`, limit.perUser]];
      if (ip) counters.push([`rate:${bucket}:ip:${ip}`, limit.perIp]);
      const counts = await Promise.all(
        counters.filter(([, max]) => Number.isFinite(max)).map(async ([key, max]) => ({ max, ...(await store.hit(key, limit.windowMs)) })),
      );
      const over = counts.filter(({ count, max }) => count > max);
      if (over.length === 0) return next();
      const retryAfter = Math.max(1, ...over.map(({ resetInMs }) => Math.ceil(resetInMs / 1000)));
      return failure(c, API_ERRORS.rateLimited, { 'retry-after': String(retryAfter) });
    };
  };

  /** One upstream call with the partner's key, within the request's deadline. */
  const call = async (method: string, target: UpstreamRequest, signal: AbortSignal, idempotencyKey?: string): Promise<Answer> => {
    const headers = new Headers({ accept: 'application/json', [HEADERS.apiKey]: apiKey });
    if (idempotencyKey !== undefined) headers.set(HEADERS.idempotencyKey, idempotencyKey);
    if (target.body !== undefined) headers.set('content-type', 'application/json');
    const query = target.query?.size ? `?${target.query}` : '';
    try {
      const init = { method, headers, signal, body: target.body === undefined ? undefined : JSON.stringify(target.body) };
      const response = await abortable(doFetch(`${apiBase}${target.path}${query}`, init), signal);
      // Bodies are small JSON; reading them whole keeps status and headers in Hono's hands (the request id).
      const body = await abortable(response.text(), signal);
      const passed: Record<string, string> = {};
      for (const name of PASSED_THROUGH) {
        const value = response.headers.get(name);
        if (value !== null) passed[name] = value;
      }
      return { status: response.status, body, headers: passed };
    } catch (error) {
      if (signal.aborted) throw new ProxyFailure(API_ERRORS.upstreamTimeout, 'upstream-timeout', error);
      throw new ProxyFailure(API_ERRORS.upstreamUnavailable, 'upstream-unreachable', error);
    }
  };

  /**
   * Whether `transactionId` is the user's: asked of the API with the user filter (an id of another
   * user, or of nobody, lists nothing). `undefined` when it is; else the answer to give.
   */
  const refusedUnlessOwn = async (transactionId: string, userId: string, signal: AbortSignal): Promise<Answer | { error: ApiErrorRow } | undefined> => {
    const lookup = await call('GET', { path: API_PATHS.transactions, query: new URLSearchParams({ id: transactionId, userId }) }, signal);
    if (lookup.status < 200 || lookup.status >= 300) return lookup;
    let listed: unknown;
    try {
      listed = (JSON.parse(lookup.body) as { data?: { data?: unknown } }).data?.data;
    } catch {
      listed = undefined;
    }
    const own = Array.isArray(listed) && listed.some((item: { id?: unknown; userId?: unknown }) => item?.id === transactionId && item?.userId === userId);
    return own ? undefined : { error: API_ERRORS.transactionNotOfUser };
  };

  const handle = (route: ProxyRoute) => async (c: Context<Env>) => {
    const userId = c.var.userId;
    const target = await route.rewrite({ request: c.req.raw, params: c.req.param() as Record<string, string>, userId, premiumSpread });
    if ('error' in target) return failure(c, target.error);
    const idempotent = route.idempotent;
    const idempotencyKey = idempotent ? c.req.header(HEADERS.idempotencyKey) : undefined;
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) return failure(c, API_ERRORS.invalidUserInput);

    // One deadline for the whole request, ownership check included.
    const signal = AbortSignal.timeout(timeoutMs);
    if (target.ownTransaction !== undefined) {
      const refused = await refusedUnlessOwn(target.ownTransaction, userId, signal);
      if (refused) return answerWith(c, refused);
    }
    const forward = () => call(route.method, target, signal, idempotencyKey);
    if (idempotent === undefined || idempotencyKey === undefined) return answerWith(c, await forward());
    const onStoreError = (error: unknown) =>
      log({ level: 'error', event: 'store-error', ...logEntry(c), error: describeError(error) });
    const keep = (answer: Answer) => {
      if (answer.status < 200 || answer.status >= 300) return false;
      if (readable(idempotent.answer, answer.body)) return true;
      log({ level: 'warn', event: 'upstream-unreadable', ...logEntry(c), status: answer.status });
      return false;
    };
    // A claim outlives the forward it guards; if its instance dies, another may take the key over after that.
    const input = { userId, key: idempotencyKey, body: target.body, inFlightTtlMs: timeoutMs + 10_000, keep, toStore: idempotent.toStore };
    return answerWith(c, await once(store, idempotency, input, forward, onStoreError));
  };

  for (const route of PROXY_ROUTES) {
    app.on(route.method, route.pattern, limitBody, signedIn, rateLimited(route.limit), handle(route));
  }

  app.notFound((c) => failure(c, API_ERRORS.notFound));
  app.onError((error, c) => {
    if (error instanceof ProxyFailure) {
      log({ level: error.row.status === 504 ? 'warn' : 'error', event: error.event, ...logEntry(c), error: describeError(error.cause) });
      return failure(c, error.row);
    }
    log({ level: 'error', event: 'unexpected-error', ...logEntry(c), error: describeError(error) });
    return failure(c, API_ERRORS.internalError);
  });

  return async (request, env) => app.fetch(request, env);
}
