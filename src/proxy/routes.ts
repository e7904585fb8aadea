/**
 * The API routes the proxy forwards, and how each request is rewritten on the way: the browser's
 * body or query is checked against the contract's schema, unknown fields are dropped, and the
 * fields only the partner may set (`userId`, `premiumSpread`) are replaced. A route not listed here
 * is not forwarded.
 */
import { API_PATHS } from '../api/contract';
import { API_ERRORS, type ApiErrorRow } from '../api/errors';
import { estimateRequestSchema, orderBodySchema, quoteRequestSchema } from '../api/schemas';

/** What the partner decides for each forwarded request. */
export interface ForwardContext {
  /** The signed-in user, from the partner's session. */
  userId: string;
  /** The partner's revenue on each trade; the browser's own value is never used. */
  premiumSpread: number | undefined;
}

/** The upstream request, or the error row to answer without forwarding. */
export type Rewritten = { query?: URLSearchParams; body?: Record<string, unknown> } | { error: ApiErrorRow };

export interface ProxyRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Whether the browser's `Idempotency-Key` goes through (the API ignores it elsewhere). */
  idempotent?: boolean;
  rewrite(request: Request, context: ForwardContext): Promise<Rewritten>;
}

type Schema = { safeParse(value: unknown): { success: true; data: Record<string, unknown> } | { success: false } };

const withSpread = <T extends Record<string, unknown>>(fields: T, premiumSpread: number | undefined) =>
  premiumSpread === undefined ? fields : { ...fields, premiumSpread };

/**
 * A JSON body checked with `schema`, after removing what the browser may not set (so a browser
 * value for those can neither pass nor break the check).
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

const invalid = { error: API_ERRORS.invalidUserInput } as const;

/** Query fields the estimate takes; anything else the browser sends (a `userId`) is dropped. */
const ESTIMATE_FIELDS = Object.keys(estimateRequestSchema.shape).filter((field) => field !== 'premiumSpread');

export const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    method: 'GET',
    path: API_PATHS.quotes,
    async rewrite(request, { premiumSpread }) {
      const from = new URL(request.url).searchParams;
      const query = new URLSearchParams();
      for (const field of ESTIMATE_FIELDS) {
        const value = from.get(field);
        if (value !== null) query.set(field, value);
      }
      if (premiumSpread !== undefined) query.set('premiumSpread', String(premiumSpread));
      return { query };
    },
  },
  {
    method: 'POST',
    path: API_PATHS.quotes,
    async rewrite(request, { premiumSpread }) {
      const body = await jsonBody(request, quoteRequestSchema);
      return body ? { body: withSpread(body, premiumSpread) } : invalid;
    },
  },
  {
    method: 'POST',
    path: API_PATHS.offRamp,
    idempotent: true,
    async rewrite(request, { userId, premiumSpread }) {
      const body = await jsonBody(request, orderBodySchema);
      return body ? { body: withSpread({ ...body, userId }, premiumSpread) } : invalid;
    },
  },
];
