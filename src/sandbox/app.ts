/**
 * The sandbox's routes, one Hono app over the modules that hold the rules. Middleware order is the
 * contract's order of checks: the API key, then the partner's flow, then the route's own rules.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_PATHS, API_PREFIX, HEADERS, routePattern, SANDBOX_API_KEY_PATTERN } from '../api/contract';
import { API_ERRORS, errorBody, type ApiErrorRow } from '../api/errors';
import type { SandboxContext } from './context';
import { ApiFailure, fail } from './failure';
import { idempotent } from './idempotency';
import { cancelOrder, createOrder, executeOrder, listTransactions, mockTestingGuide, orderView } from './orders';
import { estimate, lockQuote } from './quotes';
import type { PartnerRecord } from './store';
import { listBankAccounts, listReceivers } from './users';

type Env = { Variables: { partner: PartnerRecord } };

const ok = (c: Context, data: unknown, status: ContentfulStatusCode = 200) => c.json({ success: true, data }, status);
const failure = (c: Context, row: ApiErrorRow) => c.json(errorBody(row), row.status as ContentfulStatusCode);

const jsonBody = async (c: Context): Promise<unknown> => {
  try {
    return await c.req.json();
  } catch {
    return fail(API_ERRORS.invalidUserInput);
  }
};


/** The row for a failure of the sandbox itself (a bug, or the `outage` fault): some endpoints document their own 500. */
const unexpected = (c: Context): ApiErrorRow => {
  if (c.req.path === API_PATHS.quotes) return c.req.method === 'GET' ? API_ERRORS.estimateFailed : API_ERRORS.quoteFailed;
  if (c.req.path === API_PATHS.receivers) return API_ERRORS.receiversUnavailable;
  return API_ERRORS.internalError;
};

/** Thrown by the `outage` fault: handled like any failure of the sandbox itself, but not logged. */
class SimulatedOutage extends Error {}

export const buildApp = (ctx: SandboxContext) => {
  const app = new Hono<Env>();

  // Every answer, errors and 404 included, carries the sandbox clock: clients measure skew from it.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Date', new Date(ctx.now()).toUTCString());
  });

  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    const key = c.req.header(HEADERS.apiKey);
    if (!key) fail(API_ERRORS.apiKeyMissing);
    if (!SANDBOX_API_KEY_PATTERN.test(key)) fail(API_ERRORS.apiKeyMalformed);
    const partner = ctx.store.partnersByKey.get(key) ?? fail(API_ERRORS.apiKeyUnknown);
    if (!partner.flowEnabled) fail(API_ERRORS.invalidPartnerFlow);
    c.set('partner', partner);
    await next();
  };
  app.use(`${API_PREFIX}/*`, authenticate);

  // Registered before the latency, so a retry arriving during the simulated processing finds its key in flight.
  app.post(API_PATHS.offRamp, idempotent(ctx.now));
  app.use(`${API_PREFIX}/*`, async (_c, next) => {
    const { latencyMs, outage } = ctx.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (outage) throw new SimulatedOutage('sandbox: simulated outage');
    await next();
  });

  app.get(API_PATHS.quotes, (c) => ok(c, estimate(c.req.query(), ctx.settings)));
  app.post(API_PATHS.quotes, async (c) => ok(c, lockQuote(ctx, c.var.partner.id, await jsonBody(c)), 201));
  app.post(API_PATHS.offRamp, async (c) => ok(c, orderView(createOrder(ctx, c.var.partner, await jsonBody(c))), 201));
  app.post(API_PATHS.execute, async (c) => ok(c, executeOrder(ctx, c.var.partner, await jsonBody(c)), 201));
  app.get(API_PATHS.mockTestingGuide, (c) => ok(c, mockTestingGuide()));
  app.get(API_PATHS.transactions, (c) => ok(c, listTransactions(ctx, c.var.partner, c.req.query())));
  app.put(routePattern(API_PATHS.cancel, 'id'), (c) => ok(c, cancelOrder(ctx, c.var.partner, c.req.param('id') ?? '', c.req.query('userId'))));
  app.get(routePattern(API_PATHS.bankAccounts, 'userId'), (c) =>
    ok(c, listBankAccounts(ctx.store, c.var.partner, c.req.param('userId') ?? '', c.req.query())),
  );
  app.get(API_PATHS.receivers, (c) => ok(c, listReceivers(ctx.store, c.var.partner, c.req.query())));

  app.notFound((c) => failure(c, API_ERRORS.notFound));
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return failure(c, error.row);
    if (!(error instanceof SimulatedOutage)) console.error('sandbox: unexpected error', error);
    return failure(c, unexpected(c));
  });
  return app;
};
