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
 *   store: createRedisStore(new Redis(process.env.REDIS_URL!, REDIS_FAIL_FAST)), // with several instances
 * });
 * ```
 *
 * The pipeline is a chain of Hono middleware, so each concern is one link: request id and log →
 * origin (CORS) → route (else 404) → body (size cap and deadline) → signed-in user → the route's
 * rewrite → replay of a stored order answer → rate limit → ownership check → Idempotency-Key →
 * forward with a deadline. Every store call has a deadline of its own.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_PATHS, HEADERS, IDEMPOTENCY_KEY_PATTERN } from '../api/contract';
import { API_ERRORS, errorBody, PROXY_FAILURES, type ApiErrorRow } from '../api/errors';
import { readCapped } from './body';
import { abortable, withStoreDeadline } from './deadline';
import { ProxyFailure } from './failure';
import { bodyFingerprint, DEFAULT_IDEMPOTENCY, idempotencyScope, once, REPLAYED_HEADER, replayOf, type Answer, type IdempotencyOptions } from './idempotency';
import { consoleLogger, describeError, type ProxyLogger } from './log';
import { PROXY_ROUTES, RECOVERY_CLOCK_MARGIN_MS, RECOVERY_UNMEASURED_MARGIN_MS, type ProxyRoute, type RateBucket, type UpstreamRequest } from './routes';
import { createMemoryStore, type ProxyStore } from './store';

export { consoleLogger } from './log';
export type { LogLevel, ProxyLogEntry, ProxyLogger } from './log';
export { createMemoryStore } from './store';
export type { DoneRecord, IdempotencyRecord, InFlightRecord, MemoryStoreOptions, ProxyStore, RateCount, UnknownRecord } from './store';
export { createRedisStore, REDIS_FAIL_FAST } from './redis';
export type { RedisClient, RedisStoreOptions } from './redis';
export type { IdempotencyOptions } from './idempotency';
export { createWebhookHandler, verifyWebhookSignature } from './webhooks';
export type { WebhookHandler, WebhookHandlerOptions } from './webhooks';

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
  /** The API's base URL, e.g. `https://staging-api.capa.fi` (no `/api/partner/v2`, no credentials). */
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
  /** How long a request body may take to arrive; then 408 and the connection is closed. Default 10 s. */
  bodyTimeoutMs?: number;
  /** Larger answers of the API are not passed on: 502. Default 1 MiB (a page of 100 transactions is far smaller). */
  maxAnswerBytes?: number;
  /**
   * Idempotency records and rate-limit counters. Default `createMemoryStore()` (one instance); with
   * several instances behind a load balancer, one `createRedisStore(redis)` shared by all.
   */
  store?: ProxyStore;
  /** How long one store call may take; then 503 `STORE_UNAVAILABLE` and nothing is forwarded. Default 1 s. */
  storeTimeoutMs?: number;
  /** `Idempotency-Key` on `POST /off-ramp`: how long answers are kept, how long a repeat waits. */
  idempotency?: IdempotencyOptions;
  /**
   * Per user and per IP, on every route; answered 429 with `Retry-After`. `false` turns one bucket
   * (or all) off. Defaults in DEFAULT_RATE_LIMITS.
   */
  rateLimits?: Partial<Record<RateBucket, RateLimit | false>> | false;
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
  // Status polls, saved accounts, receivers, KYC status: a poll every few seconds fits well within.
  reads: { perUser: 120, perIp: 600, windowMs: 60_000 },
  // Execute and cancel: a handful per order.
  actions: { perUser: 20, perIp: 100, windowMs: 60_000 },
};

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;
const DEFAULT_STORE_TIMEOUT_MS = 1_000;
/** Headers of the API's answer that mean the same after the hop; `Date` lets the widget measure clock skew. */
const PASSED_THROUGH = ['date', 'retry-after'];
/** Connection errors that mean the request never left: nothing can have been made upstream. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

type Env = { Variables: { requestId: string; userId: string; code: string; body: string } };

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

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Node's socket, as @hono/node-server (and so Express through it) hands it over. */
type NodeEnv = { incoming?: { socket?: { remoteAddress?: string; destroy?: () => void; end?: () => void } } } | undefined;
const nodeSocketAddress = (_request: Request, env: unknown): string | undefined => (env as NodeEnv)?.incoming?.socket?.remoteAddress;

const errorCode = (error: unknown): string | undefined => {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
};

/** The upstream base URL, refused when it carries credentials (they would reach logs and error messages). */
const upstreamBase = (upstream: string): string => {
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new TypeError('createOffRampProxy: upstream is not a URL');
  }
  if (url.username || url.password) {
    throw new TypeError('createOffRampProxy: upstream must not carry credentials (user:password@); the API takes apiKey only');
  }
  if (url.search || url.hash) throw new TypeError('createOffRampProxy: upstream must have no query or fragment');
  return url.href.replace(/\/+$/, '');
};

export function createOffRampProxy(options: OffRampProxyOptions): OffRampProxy {
  const { apiKey, resolveUserId, premiumSpread, allowedOrigins = [] } = options;
  if (!apiKey) throw new TypeError('createOffRampProxy: apiKey is empty (is the environment variable set?)');
  const apiBase = upstreamBase(options.upstream);
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const store = withStoreDeadline(options.store ?? createMemoryStore(), options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
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
    // Answers are per user: no shared cache may keep one. Answers are JSON: no browser may guess otherwise.
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
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
    // No allowHeaders: an allowed origin's preflight gets the headers it asks for, the partner's own
    // (a CSRF token) and `authorization` (an embed's session token) included; neither is sent upstream.
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

  // The whole body, size-capped and within a deadline, before anything else: a client that
  // announces a body and trickles it (or never sends it) loses its connection.
  const readBody: MiddlewareHandler<Env> = async (c, next) => {
    const announced = Number(c.req.header('content-length') ?? 0);
    if (announced > maxBodyBytes) return failure(c, API_ERRORS.payloadTooLarge, { connection: 'close' });
    let read;
    try {
      read = await readCapped(c.req.raw.body, maxBodyBytes, AbortSignal.timeout(bodyTimeoutMs));
    } catch {
      // Under Node the socket is ended once the answer is out, so the rest of the body is not awaited.
      const socket = (c.env as NodeEnv)?.incoming?.socket;
      setTimeout(() => socket?.destroy?.(), 100).unref?.();
      return failure(c, PROXY_FAILURES.requestTimeout, { connection: 'close' });
    }
    if ('tooLarge' in read) return failure(c, API_ERRORS.payloadTooLarge, { connection: 'close' });
    c.set('body', read.text);
    await next();
  };

  // Before anything is forwarded: without a signed-in user the key is not used.
  const signedIn: MiddlewareHandler<Env> = async (c, next) => {
    const userId = await resolveUserId(c.req.raw, c.env);
    if (!userId) return failure(c, API_ERRORS.signInRequired);
    c.set('userId', userId);
    await next();
  };

  /** The 429 to answer when this request is over one of its bucket's limits; `undefined` when it may pass. */
  const overLimit = async (c: Context<Env>, bucket: RateBucket) => {
    const limit = limits(bucket);
    if (!limit) return undefined;
    const ip = clientIp(c.req.raw, c.env);
    const counters: [string, number][] = [[`rate:${bucket}:user:${c.var.userId}`, limit.perUser]];
    if (ip) counters.push([`rate:${bucket}:ip:${ip}`, limit.perIp]);
    const counts = await Promise.all(
      counters.filter(([, max]) => Number.isFinite(max)).map(async ([key, max]) => ({ max, ...(await store.hit(key, limit.windowMs)) })),
    );
    const over = counts.filter(({ count, max }) => count > max);
    if (over.length === 0) return undefined;
    const retryAfter = Math.max(1, ...over.map(({ resetInMs }) => Math.ceil(resetInMs / 1000)));
    return failure(c, API_ERRORS.rateLimited, { 'retry-after': String(retryAfter) });
  };

  /**
   * One upstream call with the partner's key, within the request's deadline. The answer is read up
   * to `maxAnswerBytes` and must be JSON; anything else is the proxy's own 502.
   */
  const call = async (method: string, target: UpstreamRequest, signal: AbortSignal, idempotencyKey?: string): Promise<Answer> => {
    const headers = new Headers({ accept: 'application/json', [HEADERS.apiKey]: apiKey });
    if (idempotencyKey !== undefined) headers.set(HEADERS.idempotencyKey, idempotencyKey);
    if (target.body !== undefined) headers.set('content-type', 'application/json');
    const query = target.query?.size ? `?${target.query}` : '';
    let response: Response;
    let read;
    try {
      const init = { method, headers, signal, body: target.body === undefined ? undefined : JSON.stringify(target.body) };
      response = await abortable(doFetch(`${apiBase}${target.path}${query}`, init), signal);
      read = await readCapped(response.body, maxAnswerBytes, signal);
    } catch (error) {
      if (signal.aborted) throw new ProxyFailure(API_ERRORS.upstreamTimeout, 'upstream-timeout', error);
      const notSent = NOT_SENT_CODES.has(errorCode(error) ?? '');
      throw new ProxyFailure(API_ERRORS.upstreamUnavailable, 'upstream-unreachable', error, { mayHaveReachedApi: !notSent });
    }
    if ('tooLarge' in read) {
      throw new ProxyFailure(PROXY_FAILURES.upstreamInvalid, 'upstream-unreadable', new Error(`answer over ${maxAnswerBytes} bytes (status ${response.status})`));
    }
    // A gateway's HTML page, or an answer cut short: not the API's word, so not passed on.
    if (!isJson(read.text)) {
      throw new ProxyFailure(PROXY_FAILURES.upstreamInvalid, 'upstream-unreadable', new Error(`answer is not JSON (status ${response.status})`));
    }
    const passed: Record<string, string> = { 'content-type': 'application/json' };
    for (const name of PASSED_THROUGH) {
      const value = response.headers.get(name);
      if (value !== null) passed[name] = value;
    }
    return { status: response.status, body: read.text, headers: passed };
  };

  /**
   * Whether `transactionId` is the user's: asked of the API with the user filter (an id of another
   * user, or of nobody, lists nothing). `undefined` when it is; else the answer to give.
   */
  const refusedUnlessOwn = async (transactionId: string, userId: string, signal: AbortSignal): Promise<Answer | { error: ApiErrorRow } | undefined> => {
    const lookup = await call('GET', { path: API_PATHS.transactions, query: new URLSearchParams({ id: transactionId, userId }) }, signal);
    if (lookup.status < 200 || lookup.status >= 300) return lookup;
    const listed = (JSON.parse(lookup.body) as { data?: { data?: unknown } }).data?.data;
    const own = Array.isArray(listed) && listed.some((item: { id?: unknown; userId?: unknown }) => item?.id === transactionId && item?.userId === userId);
    return own ? undefined : { error: API_ERRORS.transactionNotOfUser };
  };

  const handle = (route: ProxyRoute) => async (c: Context<Env>) => {
    const userId = c.var.userId;
    const target = await route.rewrite({ request: c.req.raw, body: c.var.body, params: c.req.param() as Record<string, string>, userId, premiumSpread });
    const idempotent = route.idempotent;
    const idempotencyKey = idempotent ? c.req.header(HEADERS.idempotencyKey) : undefined;
    const keyed = idempotent !== undefined && idempotencyKey !== undefined && IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey) && !('error' in target);
    const scope = keyed ? await idempotencyScope(userId, idempotencyKey) : '';
    const fingerprint = keyed ? await bodyFingerprint((target as UpstreamRequest).body) : '';

    // A repeat of a confirmation already answered costs the API nothing: served before the rate limit counts it.
    if (keyed) {
      const stored = await store.get(scope);
      if (stored?.state === 'done' && stored.fingerprint === fingerprint) return answerWith(c, replayOf(stored));
    }
    const limited = await overLimit(c, route.limit);
    if (limited) return limited;
    if ('error' in target) return failure(c, target.error);
    if (idempotencyKey !== undefined && !keyed) return failure(c, API_ERRORS.invalidUserInput);

    // One deadline for the whole request, ownership check and order recovery included.
    const signal = AbortSignal.timeout(timeoutMs);
    if (target.ownTransaction !== undefined) {
      const refused = await refusedUnlessOwn(target.ownTransaction, userId, signal);
      if (refused) return answerWith(c, refused);
    }
    const forward = () => call(route.method, target, signal, idempotencyKey);
    if (!keyed || !idempotent) {
      const answer = await forward();
      return answerWith(c, route.project ? route.project(answer) : answer);
    }
    const body = target.body ?? {};
    const onStoreError = (error: unknown) => log({ level: 'error', event: 'store-error', ...logEntry(c), error: describeError(error) });
    const keep = (answer: Answer) => {
      if (answer.status < 200 || answer.status >= 300) return false;
      if (readable(idempotent.answer, answer.body)) return true;
      log({ level: 'warn', event: 'upstream-unreadable', ...logEntry(c), status: answer.status });
      return false;
    };
    const recover = async (since: number): Promise<Answer | undefined> => {
      const list = await call('GET', { path: API_PATHS.transactions, query: idempotent.recover.query(body) }, signal);
      // The attempt's start on the API's clock, measured by this very answer's Date.
      const apiDate = list.headers.date ? Date.parse(list.headers.date) : Number.NaN;
      const notBefore = Number.isFinite(apiDate) ? since + (apiDate - Date.now()) - RECOVERY_CLOCK_MARGIN_MS : since - RECOVERY_UNMEASURED_MARGIN_MS;
      let picked: string | undefined;
      try {
        if (list.status < 200 || list.status >= 300) throw new Error(`the transaction list answered ${list.status}`);
        picked = idempotent.recover.pick(body, list.body, notBefore);
      } catch (error) {
        throw new ProxyFailure(PROXY_FAILURES.upstreamInvalid, 'upstream-unreadable', error);
      }
      log({ level: 'warn', event: picked ? 'order-recovered' : 'order-not-found', ...logEntry(c) });
      return picked === undefined ? undefined : { status: 201, body: picked, headers: { 'content-type': 'application/json' } };
    };
    // A claim outlives the forward it guards; if its instance dies, another may take the key over after that.
    const input = { scope, fingerprint, inFlightTtlMs: timeoutMs + 10_000, keep, toStore: idempotent.toStore, recover, now: Date.now };
    return answerWith(c, await once(store, idempotency, input, forward, onStoreError));
  };

  for (const route of PROXY_ROUTES) {
    app.on(route.method, route.pattern, readBody, signedIn, handle(route));
  }

  app.notFound((c) => failure(c, API_ERRORS.notFound));
  app.onError((error, c) => {
    if (error instanceof ProxyFailure) {
      log({ level: error.row.status === 504 ? 'warn' : 'error', event: error.event, ...logEntry(c), error: describeError(error.cause) });
      return failure(c, error.row, error.details.headers);
    }
    log({ level: 'error', event: 'unexpected-error', ...logEntry(c), error: describeError(error) });
    return failure(c, API_ERRORS.internalError);
  });

  return async (request, env) => app.fetch(request, env);
}
