/**
 * The sandbox's routes, one Hono app over the modules that hold the rules. Middleware order is the
 * contract's order of checks: the API key, then the partner's flow, then the route's own rules.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { API_PATHS, API_PREFIX, HEADERS, routePattern, SANDBOX_API_KEY_PATTERN } from '../api/contract';
import { API_ERRORS, errorBody, type ApiErrorRow } from '../api/errors';
import { webhookSettingsRequestSchema } from '../api/schemas';
import type { SandboxContext } from './context';
import { ApiFailure, fail } from './failure';
import { idempotent } from './idempotency';
import { createBankAccount, deleteReceiverBankAccount, listBankAccounts } from './accounts';
import { createKycLink, decideKyc, kycDetails, kycDonePage, kycPage, SANDBOX_PATHS, type KycDecision } from './kyc';
import { applyClock, cancelOrder, createOrder, executeOrder, listTransactions, mockTestingGuide, orderView } from './orders';
import { estimate, lockQuote } from './quotes';
import type { PartnerRecord } from './store';
import { createReceiver, createUser, listReceivers, requireReceiver, requireUser } from './users';

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
  if (c.req.path === API_PATHS.receivers && c.req.method === 'GET') return API_ERRORS.receiversUnavailable;
  return API_ERRORS.internalError;
};

/** Thrown by the `outage` fault: handled like any failure of the sandbox itself, but not logged. */
class SimulatedOutage extends Error {}

/** A Hono route pattern from a two-parameter API_PATHS builder. */
const routePattern2 = (path: (first: string, second: string) => string, first: string, second: string) =>
  path(`__${first}__`, `__${second}__`).replace(`__${first}__`, `:${first}`).replace(`__${second}__`, `:${second}`);

export const buildApp = (ctx: SandboxContext) => {
  const app = new Hono<Env>();

  // Every answer, errors and 404 included, carries the sandbox clock: clients measure skew from it.
  // Whatever the clock has done since the last request (expiries, ticks) is applied first.
  app.use('*', async (c, next) => {
    applyClock(ctx);
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
    ok(c, listBankAccounts(ctx.store, { user: requireUser(ctx.store, c.var.partner, c.req.param('userId')) }, c.req.query())),
  );
  // Assumed: 201, like every other creating POST.
  app.post(routePattern(API_PATHS.bankAccounts, 'userId'), async (c) => {
    const user = requireUser(ctx.store, c.var.partner, c.req.param('userId'));
    return ok(c, createBankAccount(ctx, c.var.partner, { user }, await jsonBody(c)), 201);
  });
  app.get(routePattern(API_PATHS.receiverBankAccounts, 'receiverId'), (c) =>
    ok(c, listBankAccounts(ctx.store, requireReceiver(ctx.store, c.var.partner, c.req.param('receiverId') ?? ''), c.req.query())),
  );
  app.post(routePattern(API_PATHS.receiverBankAccounts, 'receiverId'), async (c) => {
    const owner = requireReceiver(ctx.store, c.var.partner, c.req.param('receiverId') ?? '');
    return ok(c, createBankAccount(ctx, c.var.partner, owner, await jsonBody(c)), 201);
  });
  app.delete(routePattern2(API_PATHS.receiverBankAccount, 'receiverId', 'userBankInfoId'), (c) => {
    const owner = requireReceiver(ctx.store, c.var.partner, c.req.param('receiverId') ?? '');
    return ok(c, deleteReceiverBankAccount(ctx, owner, c.req.param('userBankInfoId') ?? ''));
  });
  app.get(API_PATHS.receivers, (c) => ok(c, listReceivers(ctx.store, c.var.partner, c.req.query())));
  app.post(API_PATHS.receivers, async (c) => ok(c, createReceiver(ctx, c.var.partner, await jsonBody(c)), 201));

  app.post(API_PATHS.users, async (c) => ok(c, createUser(ctx, c.var.partner, await jsonBody(c)), 201));
  app.post(routePattern(API_PATHS.kycVerificationLink, 'userId'), async (c) => {
    const user = requireUser(ctx.store, c.var.partner, c.req.param('userId'));
    return ok(c, createKycLink(ctx, user, await jsonBody(c), new URL(c.req.url).origin), 201);
  });
  // The KYC (and KYB) details answer `{ status: 'ok', data }`, not the success envelope.
  app.get(API_PATHS.kycDetails, (c) => c.json({ status: 'ok', data: kycDetails(ctx, requireUser(ctx.store, c.var.partner, c.req.query('userId'))) }));
  app.put(API_PATHS.webhookSettings, async (c) => {
    const parsed = webhookSettingsRequestSchema.safeParse(await jsonBody(c));
    if (!parsed.success) fail(API_ERRORS.invalidUserInput);
    c.var.partner.webhookUrl = parsed.data.url;
    // Assumed answer (the docs show none): the setting as it now is.
    return ok(c, { url: parsed.data.url });
  });

  // The page behind a KYC link: the user's browser, not the partner, so no API key.
  const kycPagePattern = routePattern(SANDBOX_PATHS.kycPage, 'sessionId');
  app.get(kycPagePattern, (c) => {
    const found = ctx.store.kycSessions.has(c.req.param('sessionId') ?? '');
    return c.html(kycPage(found), found ? 200 : 404);
  });
  app.post(kycPagePattern, async (c) => {
    const session = ctx.store.kycSessions.get(c.req.param('sessionId') ?? '');
    const user = session && ctx.store.users.get(session.userId);
    if (!session || !user) return c.html(kycPage(false), 404);
    const form = await c.req.parseBody();
    const decision: KycDecision = form.decision === 'reject' ? 'reject' : 'approve';
    decideKyc(ctx, user, decision);
    return session.redirectUri ? c.redirect(session.redirectUri, 303) : c.html(kycDonePage(decision));
  });

  app.notFound((c) => failure(c, API_ERRORS.notFound));
  app.onError((error, c) => {
    if (error instanceof ApiFailure) return failure(c, error.row);
    if (!(error instanceof SimulatedOutage)) console.error('sandbox: unexpected error', error);
    return failure(c, unexpected(c));
  });
  return app;
};
