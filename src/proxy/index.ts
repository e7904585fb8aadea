/**
 * A minimal partner proxy: the widget's only server. It mirrors the API's paths under wherever it
 * is mounted, forwards the few routes the widget needs (routes.ts) with the partner's key, the
 * signed-in user and the partner's spread, and answers everything else 404.
 *
 * ```ts
 * const proxy = createOffRampProxy({
 *   upstream: 'https://staging-api.capa.fi',
 *   apiKey: process.env.OFFRAMP_API_KEY!,
 *   resolveUserId: (request) => sessionOf(request)?.capaUserId,
 *   premiumSpread: 0.005,
 *   basePath: '/offramp',
 * });
 * ```
 *
 * The pipeline is a chain of Hono middleware (request id → [later: CORS, rate limit, body limit] →
 * the signed-in user → the route's rewrite → forward), so hardening adds links, not branches.
 */
import { Hono, type Context } from 'hono';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HEADERS } from '../api/contract';
import { API_ERRORS, errorBody, type ApiErrorRow } from '../api/errors';
import { PROXY_ROUTES, type ProxyRoute } from './routes';

export interface OffRampProxyOptions {
  /** The API's base URL, e.g. `https://staging-api.capa.fi` (no `/api/partner/v2`). */
  upstream: string;
  /** The partner's API key; it never leaves the server. */
  apiKey: string;
  /**
   * The user signed in on the partner's site, from the request (its session cookie or token).
   * `undefined` answers 401 and nothing is forwarded.
   */
  resolveUserId: (request: Request) => string | undefined | Promise<string | undefined>;
  /** The partner's revenue per trade, a fraction (0.005 = 0.5 %). The browser cannot set it. */
  premiumSpread?: number;
  /** The `fetch` used to reach the API (tests, or `sandbox.fetch` to run against the sandbox in-process). */
  fetch?: typeof fetch;
  /** Where the proxy is mounted, stripped before matching (`/offramp` serves `/offramp/api/partner/v2/…`). Default `''`. */
  basePath?: string;
}

export type OffRampProxy = (request: Request) => Promise<Response>;

type Env = { Variables: RequestIdVariables & { userId: string } };

/** Upstream answer headers that mean the same after the hop; `Date` lets the widget measure clock skew. */
const PASSED_THROUGH = ['content-type', 'date', 'retry-after'];

const failure = (c: Context, row: ApiErrorRow) => c.json(errorBody(row), row.status as ContentfulStatusCode);

export function createOffRampProxy(options: OffRampProxyOptions): OffRampProxy {
  const { upstream, apiKey, resolveUserId, premiumSpread, basePath = '' } = options;
  const apiBase = upstream.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  const mount = basePath.replace(/\/+$/, '');
  const app = mount ? new Hono<Env>().basePath(mount) : new Hono<Env>();

  // The API documents no request id (assumed): the proxy's own, on every answer, errors included.
  app.use('*', requestId({ headerName: HEADERS.requestId }));

  const forward = (route: ProxyRoute) => async (c: Context<Env>) => {
    const rewritten = await route.rewrite(c.req.raw, { userId: c.var.userId, premiumSpread });
    if ('error' in rewritten) return failure(c, rewritten.error);

    const headers = new Headers({ accept: 'application/json', [HEADERS.apiKey]: apiKey });
    const idempotencyKey = c.req.header(HEADERS.idempotencyKey);
    if (route.idempotent && idempotencyKey !== undefined) headers.set(HEADERS.idempotencyKey, idempotencyKey);
    if (rewritten.body !== undefined) headers.set('content-type', 'application/json');
    const query = rewritten.query?.size ? `?${rewritten.query}` : '';

    let answer: Response;
    try {
      answer = await doFetch(`${apiBase}${route.path}${query}`, {
        method: route.method,
        headers,
        body: rewritten.body === undefined ? undefined : JSON.stringify(rewritten.body),
      });
    } catch (error) {
      console.error('offramp proxy: upstream unreachable', error);
      return failure(c, API_ERRORS.upstreamUnavailable);
    }
    const passed: Record<string, string> = {};
    for (const name of PASSED_THROUGH) {
      const value = answer.headers.get(name);
      if (value !== null) passed[name] = value;
    }
    // Bodies are small JSON; reading them whole keeps the status and headers in Hono's hands (the request id).
    return c.body(await answer.arrayBuffer(), answer.status as ContentfulStatusCode, passed);
  };

  for (const route of PROXY_ROUTES) {
    app.on(
      route.method,
      route.path,
      // Before anything is read or forwarded: without a signed-in user the key is not used.
      async (c, next) => {
        const userId = await resolveUserId(c.req.raw);
        if (!userId) return failure(c, API_ERRORS.signInRequired);
        c.set('userId', userId);
        await next();
      },
      forward(route),
    );
  }

  app.notFound((c) => failure(c, API_ERRORS.notFound));
  app.onError((error, c) => {
    console.error('offramp proxy: unexpected error', error);
    return failure(c, API_ERRORS.internalError);
  });

  return async (request) => app.fetch(request);
}
