/**
 * The API routes the proxy forwards, and how each request is rewritten on the way: the browser's
 * body or query is checked for shape (the API module's schemas), unknown fields are dropped, and
 * what only the partner may decide (`userId`, `premiumSpread`) is replaced. A route not listed here
 * is not forwarded: the proxy is no open relay.
 */
import * as z from 'zod/mini';
import { API_PATHS, routePattern } from '../api/contract';
import { API_ERRORS, type ApiErrorRow } from '../api/errors';
import { estimateRequestSchema, executeRequestSchema, orderBodyShapeSchema, orderSchema, withMaskedBankAccount, quoteRequestSchema, successEnvelope } from '../api/schemas';

/** What the partner decides for each forwarded request. */
export interface RouteInput {
  request: Request;
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

/** Which rate limit a route counts against. */
export type RateBucket = 'quotes' | 'orders';

export interface ProxyRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** A Hono pattern under the API's own paths. */
  pattern: string;
  /** Counted against this rate limit (per user and per IP). */
  limit?: RateBucket;
  /**
   * Honours the browser's `Idempotency-Key`: one upstream request per key (and passes the key on).
   * Only a 2xx answer that matches `answer` is kept for repeats: an unreadable one (cut short, wrong
   * types) would otherwise be replayed all day, so the repeat goes upstream again, where the API's
   * own idempotency answers it.
   */
  idempotent?: { answer: Check; toStore?: (body: string) => string };
  rewrite(input: RouteInput): Promise<Rewritten>;
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
const jsonBody = async (request: Request, schema: Schema): Promise<Record<string, unknown> | undefined> => {
  let body: unknown;
  try {
    body = await request.json();
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
    async rewrite({ request, premiumSpread }) {
      const body = await jsonBody(request, quoteRequestSchema);
      return body ? { path: API_PATHS.quotes, body: withSpread(body, premiumSpread) } : invalid;
    },
  },
  {
    method: 'POST',
    pattern: API_PATHS.offRamp,
    limit: 'orders',
    idempotent: { answer: orderAnswer, toStore: maskBankAccount },
    async rewrite({ request, userId, premiumSpread }) {
      const body = await jsonBody(request, orderBodyShapeSchema);
      return body ? { path: API_PATHS.offRamp, body: withSpread({ ...body, userId }, premiumSpread) } : invalid;
    },
  },
  {
    // The API checks only that the transaction is the partner's: the proxy checks it is the user's.
    method: 'POST',
    pattern: API_PATHS.execute,
    async rewrite({ request }) {
      const body = await jsonBody(request, executeRequestSchema);
      return body ? { path: API_PATHS.execute, body, ownTransaction: body.transactionId as string } : invalid;
    },
  },
  {
    // One transaction, read by id; the user filter makes any other user's an empty list.
    method: 'GET',
    pattern: API_PATHS.transactions,
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
    async rewrite({ request, userId }) {
      const query = knownQuery(request, ['id', 'rampType', 'country', ...PAGE_FIELDS]);
      return query ? { path: API_PATHS.bankAccounts(userId), query } : invalid;
    },
  },
  {
    method: 'GET',
    pattern: API_PATHS.receivers,
    async rewrite({ request, userId }) {
      const query = knownQuery(request, PAGE_FIELDS);
      if (!query) return invalid;
      query.set('userId', userId);
      return { path: API_PATHS.receivers, query };
    },
  },
];
