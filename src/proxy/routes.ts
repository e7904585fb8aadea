/**
 * The API routes the proxy forwards, and how each request is rewritten on the way: the browser's
 * body or query is checked for shape (the API module's schemas), unknown fields are dropped, and
 * what only the partner may decide (`userId`, `premiumSpread`) is replaced. A route not listed here
 * is not forwarded: the proxy is no open relay.
 */
import * as z from 'zod/mini';
import { API_PATHS, PROXY_PATHS, routePattern } from '../api/contract';
import { API_ERRORS, PROXY_FAILURES, type ApiErrorRow } from '../api/errors';
import {
  estimateRequestSchema,
  executeRequestSchema,
  KYC_APPROVED_RESULT,
  kycDetailsAnswerSchema,
  kycStatusSchema,
  orderBodyShapeSchema,
  orderSchema,
  quoteRequestSchema,
  successEnvelope,
  withMaskedBankAccount,
  type Order,
} from '../api/schemas';
import { ProxyFailure } from './failure';
import type { Answer } from './idempotency';

/** What the partner decides for each forwarded request. */
export interface RouteInput {
  request: Request;
  /** The request's body, already read (size-capped, within the body deadline). */
  body: string;
  /** The route pattern's parameters (`:id`), decoded. */
  params: Record<string, string>;
  /** The signed-in user, from the partner's session. */
  userId: string;
  /** The partner's revenue on each trade; the browser's own value is never used. */
  premiumSpread: number | undefined;
}

/** The request to send upstream. */
export interface UpstreamRequest {
  path: string;
  query?: URLSearchParams;
  body?: Record<string, unknown>;
  /** A transaction the signed-in user must own; checked upstream before this request is sent. */
  ownTransaction?: string;
}

/** The upstream request, or the error row to answer without forwarding. */
export type Rewritten = UpstreamRequest | { error: ApiErrorRow };

/** Which rate limit a route counts against: every route counts against one. */
export type RateBucket = 'quotes' | 'orders' | 'reads' | 'actions';

/** How the proxy finds the order an attempt with an unknown outcome may have made. */
export interface Recovery {
  /** The `GET /transactions` query that lists the user's latest orders. */
  query(body: Record<string, unknown>): URLSearchParams;
  /** The order answer (`{ success, data }` as text) of the order in that list created at `notBefore` (the API's clock) or later, if any. */
  pick(body: Record<string, unknown>, list: string, notBefore: number): string | undefined;
}

export interface ProxyRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** A Hono pattern under the API's own paths. */
  pattern: string;
  /** Counted against this rate limit (per user and per IP). */
  limit: RateBucket;
  /**
   * Honours the browser's `Idempotency-Key`: one upstream request per key (and passes the key on).
   * Only a 2xx answer that matches `answer` is kept for repeats: an unreadable one (cut short, wrong
   * types) would otherwise be replayed all day, so the repeat goes upstream again, where the API's
   * own idempotency answers it.
   */
  idempotent?: { answer: Check; toStore?: (body: string) => string; recover: Recovery };
  rewrite(input: RouteInput): Promise<Rewritten>;
  /** The proxy's own answer built from the API's (a route the proxy answers itself); else the API's passes. */
  project?: (answer: Answer) => Answer;
}

type Schema = { safeParse(value: unknown): { success: true; data: Record<string, unknown> } | { success: false } };
type Check = { safeParse(value: unknown): { success: boolean } };

const invalid = { error: API_ERRORS.invalidUserInput } as const;

/** Ids in paths and queries: what the API module's own id fields allow. */
const identifier = z.string().check(z.minLength(1), z.maxLength(64));
/** No query value the widget sends is longer (amounts, symbols, ids, sort keys). */
const MAX_QUERY_VALUE = 64;

const withSpread = <T extends Record<string, unknown>>(fields: T, premiumSpread: number | undefined) =>
  premiumSpread === undefined ? fields : { ...fields, premiumSpread };

/**
 * A JSON body checked with `schema`, after removing what the browser may not set (so a browser
 * value for those can neither pass nor break the check). Unknown fields are dropped by the schema.
 */
const jsonBody = async (text: string, schema: Schema): Promise<Record<string, unknown> | undefined> => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { userId: _userId, premiumSpread: _premiumSpread, ...browserFields } = body as Record<string, unknown>;
  const parsed = schema.safeParse(browserFields);
  return parsed.success ? parsed.data : undefined;
};

/** The listed query fields the browser sent, each of a sane length; anything else (a `userId`) is dropped. */
const knownQuery = (request: Request, fields: readonly string[]): URLSearchParams | undefined => {
  const from = new URL(request.url).searchParams;
  const query = new URLSearchParams();
  for (const field of fields) {
    const value = from.get(field);
    if (value === null) continue;
    if (value.length > MAX_QUERY_VALUE) return undefined;
    query.set(field, value);
  }
  return query;
};


/** Query fields the estimate takes, but the spread: that one is the partner's. */
const ESTIMATE_FIELDS = Object.keys(estimateRequestSchema.shape).filter((field) => field !== 'premiumSpread');
const PAGE_FIELDS = ['skip', 'limit', 'sortBy', 'sortOrder'] as const;

/**
 * What a stored order answer keeps for a day: only what the order schema knows (unknown fields
 * dropped), with the bank account's number cut to its last four.
 */
const orderAnswer = successEnvelope(orderSchema);
const maskBankAccount = (body: string): string => {
  const parsed = orderAnswer.parse(JSON.parse(body));
  return JSON.stringify({ ...parsed, data: withMaskedBankAccount(parsed.data) });
};

/**
 * When the proxy looks for the order an attempt with an unknown outcome may have made, it counts
 * the user's orders created after the attempt began, on the API's clock: the proxy's moment plus the
 * clock offset the API's `Date` header shows, less this margin (the header has whole seconds).
 * Assumed: a user confirms at most one order in that span (the widget makes one order per quote).
 */
export const RECOVERY_CLOCK_MARGIN_MS = 2_000;
/** The margin when the API's answer has no `Date` header to measure its clock by. */
export const RECOVERY_UNMEASURED_MARGIN_MS = 10_000;
/** How many of the user's newest orders the proxy reads when it looks for that order. */
const RECOVERY_PAGE = 20;

const ORDER_FIELDS_MATCHED = ['fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'cryptoAmount', 'fiatAmount'] as const;

/** The account number of inline bank details, as the order's `bankAccount.accountIdentifier` shows it. */
const inlineAccountNumber = (body: Record<string, unknown>): string | undefined => {
  const details = body.userBankInformation as { accountIdentifier?: unknown; iban?: unknown } | undefined;
  const number = details?.accountIdentifier ?? details?.iban;
  return typeof number === 'string' ? number : undefined;
};

/**
 * Whether `order` is what `body` asked for, as far as an order shows it: the user, created after the
 * attempt began (`notBefore`), and every amount, symbol and inline account number the body names. A body with a
 * `quoteId` names none of the figures (the order does not carry its quote): then user, time and
 * bank account decide (assumed: one confirmation per quote, so one order of the user per moment).
 */
const isOrderOf = (body: Record<string, unknown>, order: Order, notBefore: number): boolean => {
  if (order.userId !== body.userId) return false;
  if (Date.parse(order.createdAt) < notBefore) return false;
  for (const field of ORDER_FIELDS_MATCHED) {
    const asked = body[field];
    if (asked !== undefined && String(asked) !== String(order[field])) return false;
  }
  const account = inlineAccountNumber(body);
  return account === undefined || order.bankAccount.accountIdentifier === null || order.bankAccount.accountIdentifier === account;
};

const orderRecovery: Recovery = {
  query(body) {
    const query = new URLSearchParams({ userId: String(body.userId), type: 'OFF_RAMP', sortBy: 'createdAt', sortOrder: 'desc', limit: String(RECOVERY_PAGE) });
    if (typeof body.fiatCurrency === 'string') query.set('fiatCurrency', body.fiatCurrency);
    return query;
  },
  pick(body, list, notBefore) {
    const items = (JSON.parse(list) as { data?: { data?: unknown } }).data?.data;
    if (!Array.isArray(items)) throw new Error('the transaction list has no data');
    const candidates = items
      .map((item) => orderSchema.safeParse(item))
      .flatMap((parsed) => (parsed.success && isOrderOf(body, parsed.data, notBefore) ? [parsed.data] : []))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    // The oldest match: the first attempt's order, should a later forward have made another.
    return candidates[0] && JSON.stringify({ success: true, data: candidates[0] });
  },
};

const json = { 'content-type': 'application/json' };

/**
 * The widget's KYC status from the API's KYC details: `verified` and the names, nothing else. A
 * 404 or empty details: not verified. Another error of the API passes as it is (it carries no details).
 */
const projectKycStatus = (answer: Answer): Answer => {
  if (answer.status === 404) return { status: 200, body: JSON.stringify({ success: true, data: { verified: false } }), headers: json };
  if (answer.status < 200 || answer.status >= 300) return answer;
  const parsed = kycDetailsAnswerSchema.safeParse(JSON.parse(answer.body));
  if (!parsed.success) throw new ProxyFailure(PROXY_FAILURES.upstreamInvalid, 'upstream-unreadable', new Error('KYC details of an unknown shape'));
  const details = parsed.data.data;
  const status = {
    verified: details?.aipriseSummary?.verificationResult === KYC_APPROVED_RESULT,
    ...(details?.idInfo?.firstName ? { firstName: details.idInfo.firstName } : {}),
    ...(details?.idInfo?.lastName ? { lastName: details.idInfo.lastName } : {}),
  };
  // Names past the schema's length are left out rather than refused: the verification stands.
  const checked = kycStatusSchema.safeParse(status);
  const data = checked.success ? checked.data : { verified: status.verified };
  return { status: 200, body: JSON.stringify({ success: true, data }), headers: { ...json, ...(answer.headers.date ? { date: answer.headers.date } : {}) } };
};

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    method: 'GET',
    pattern: API_PATHS.quotes,
    limit: 'quotes',
    async rewrite({ request, premiumSpread }) {
      const query = knownQuery(request, ESTIMATE_FIELDS);
      if (!query) return invalid;
      if (premiumSpread !== undefined) query.set('premiumSpread', String(premiumSpread));
      return { path: API_PATHS.quotes, query };
    },
  },
  {
    method: 'POST',
    pattern: API_PATHS.quotes,
    limit: 'quotes',
    async rewrite({ body: text, premiumSpread }) {
      const body = await jsonBody(text, quoteRequestSchema);
      return body ? { path: API_PATHS.quotes, body: withSpread(body, premiumSpread) } : invalid;
    },
  },
  {
    method: 'POST',
    pattern: API_PATHS.offRamp,
    limit: 'orders',
    idempotent: { answer: orderAnswer, toStore: maskBankAccount, recover: orderRecovery },
    async rewrite({ body: text, userId, premiumSpread }) {
      const body = await jsonBody(text, orderBodyShapeSchema);
      return body ? { path: API_PATHS.offRamp, body: withSpread({ ...body, userId }, premiumSpread) } : invalid;
    },
  },
  {
    // The API checks only that the transaction is the partner's: the proxy checks it is the user's.
    method: 'POST',
    pattern: API_PATHS.execute,
    limit: 'actions',
    async rewrite({ body: text }) {
      const body = await jsonBody(text, executeRequestSchema);
      return body ? { path: API_PATHS.execute, body, ownTransaction: body.transactionId as string } : invalid;
    },
  },
  {
    // One transaction, read by id; the user filter makes any other user's an empty list.
    method: 'GET',
    pattern: API_PATHS.transactions,
    limit: 'reads',
    async rewrite({ request, userId }) {
      const query = knownQuery(request, ['id']);
      if (!query || !identifier.safeParse(query.get('id') ?? undefined).success) return invalid;
      query.set('userId', userId);
      return { path: API_PATHS.transactions, query };
    },
  },
  {
    method: 'PUT',
    pattern: routePattern(API_PATHS.cancel, 'id'),
    limit: 'actions',
    async rewrite({ params }) {
      const id = params.id;
      if (!identifier.safeParse(id).success) return invalid;
      return { path: API_PATHS.cancel(id!), ownTransaction: id };
    },
  },
  {
    // Whatever user the browser named in the path, the signed-in user's accounts.
    method: 'GET',
    pattern: routePattern(API_PATHS.bankAccounts, 'user'),
    limit: 'reads',
    async rewrite({ request, userId }) {
      const query = knownQuery(request, ['id', 'rampType', 'country', ...PAGE_FIELDS]);
      return query ? { path: API_PATHS.bankAccounts(userId), query } : invalid;
    },
  },
  {
    method: 'GET',
    pattern: API_PATHS.receivers,
    limit: 'reads',
    async rewrite({ request, userId }) {
      const query = knownQuery(request, PAGE_FIELDS);
      if (!query) return invalid;
      query.set('userId', userId);
      return { path: API_PATHS.receivers, query };
    },
  },
  {
    // The proxy's own route: the session user's KYC status, projected from the API's KYC details
    // (the identity provider's whole result, which never reaches the browser).
    method: 'GET',
    pattern: PROXY_PATHS.kycStatus,
    limit: 'reads',
    async rewrite({ userId }) {
      return { path: API_PATHS.kycDetails, query: new URLSearchParams({ userId }) };
    },
    project: projectKycStatus,
  },
];
