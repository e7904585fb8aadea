/**
 * The browser's client for the partner proxy. The proxy mirrors the API's paths, so the order goes
 * to `${proxyUrl}/api/partner/v2/off-ramp`. Every answer is unwrapped from its envelope and checked
 * against its schema; every failure becomes one `OffRampError`. The widget downloads it once the
 * user reaches for it, with the rest of what talks to the network (see `QuoteLife.tsx`).
 *
 * The schemas (and zod with them) download with the first request that needs one, while that
 * request travels. The KYC status is checked by `readKycStatus` alone, so reading it needs no
 * schema.
 */
import type * as z from 'zod/mini';
import { retryingLoad } from '../widget/lazy';
import { API_PATHS, IDEMPOTENCY_KEY_HEADER, PROXY_PATHS, REQUEST_ID_HEADER, SESSION_USER } from './contract';
import { CLIENT_ERROR_CODES, OffRampError, parseErrorBody } from './errors';
import { readKycStatus, type KycStatusAnswer } from './kycStatus';
import type {
  Estimate,
  ExecuteAnswer,
  ExecuteRequest,
  EstimateRequest,
  Order,
  OrderBody,
  Quote,
  QuoteRequest,
  Receiver,
  SavedBankAccount,
  Transaction,
} from './schemas';

type Schemas = typeof import('./schemas');

/** The schemas' module, downloaded with retries; a download that gave up is tried anew by the next request. */
let schemas: Promise<Schemas> | undefined;
const loadSchemas = (): Promise<Schemas> =>
  (schemas ??= retryingLoad(
    () => import('./schemas'),
    (module) => ('successEnvelope' in module ? (module as Schemas) : undefined),
  )().catch((error: unknown) => {
    schemas = undefined;
    throw error;
  }));

/** How an answer's `data` is checked: by a schema (downloaded on demand), or by a check of its own. */
export type Contract<T> = { schema: (loaded: Schemas) => z.ZodMiniType<T> } | { read: (data: unknown) => T | undefined };

export interface ProxyClientOptions {
  /** Base URL of the partner's proxy, e.g. `https://partner.example/offramp`. */
  proxyUrl: string;
  /** A `fetch` of your own (tests, instrumentation). Defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers on every request, e.g. a CSRF token for the partner's session. */
  headers?: Record<string, string>;
  /** A request not answered within this many milliseconds fails with `TIMEOUT`. Default 20 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export interface RequestOptions {
  signal?: AbortSignal;
}

/** An answer with what the transport told us about it. */
export interface Received<T> {
  data: T;
  /**
   * Server clock minus browser clock, from the `Date` header; 0 when the gap is within the
   * header's one-second resolution or the header is missing.
   */
  clockSkewMs: number;
  requestId: string | undefined;
}

export interface ProxyClient {
  /** `GET /quotes`: an estimate, not locked. */
  estimate(request: EstimateRequest, options?: RequestOptions): Promise<Received<Estimate>>;
  /** `POST /quotes`: a locked quote with its `expiresAt`. */
  lockQuote(request: QuoteRequest, options?: RequestOptions): Promise<Received<Quote>>;
  /** `POST /off-ramp`: the order; the key makes retries of one confirmation one order. */
  createOrder(body: OrderBody, options: RequestOptions & { idempotencyKey: string }): Promise<Received<Order>>;
  /** The signed-in user's saved off-ramp accounts (the proxy fills in the user). */
  savedBankAccounts(filter: { country?: string }, options?: RequestOptions): Promise<Received<{ data: SavedBankAccount[] }>>;
  /** The signed-in user's receivers (the proxy fills in the user). */
  receivers(options?: RequestOptions): Promise<Received<{ data: Receiver[] }>>;
  /** `POST /off-ramp/execute`: the user has sent the crypto (with the transfer's hash when known). */
  execute(request: ExecuteRequest, options?: RequestOptions): Promise<Received<ExecuteAnswer>>;
  /** One of the signed-in user's transactions, read by id; undefined when the API lists none. */
  transaction(id: string, options?: RequestOptions): Promise<Received<Transaction | undefined>>;
  /** `PUT /transactions/{id}/cancel`. */
  cancel(id: string, options?: RequestOptions): Promise<Received<{ id: string; status: Transaction['status'] }>>;
  /** The proxy's own projection of the signed-in user's identity verification. */
  kycStatus(options?: RequestOptions): Promise<Received<KycStatusAnswer>>;
}

const SKEW_NOISE_MS = 1_500;

const clockSkew = (response: Response): number => {
  const header = response.headers.get('date');
  // The header drops the milliseconds and was stamped before the answer travelled: take the end
  // of its second, so a countdown errs towards less time, never more.
  const serverTime = header ? Date.parse(header) + 999 : Number.NaN;
  if (Number.isNaN(serverTime)) return 0;
  const skew = serverTime - Date.now();
  return Math.abs(skew) < SKEW_NOISE_MS ? 0 : skew;
};

const toQuery = (params: Record<string, unknown>): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return query.toString();
};

/** `Retry-After` in seconds or as an HTTP date. */
const retryAfter = (response: Response): number | undefined => {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
};

/** The success envelope (`successEnvelope` in `schemas.ts`), read without its schema. */
const isSuccess = (body: unknown): body is { success: true; data: unknown } =>
  typeof body === 'object' && body !== null && (body as { success?: unknown }).success === true;

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

const JSON_HEADERS = { 'content-type': 'application/json' };

export const createProxyClient = ({ proxyUrl, fetch: fetchImpl, headers, timeoutMs = DEFAULT_TIMEOUT_MS }: ProxyClientOptions): ProxyClient => {
  const base = proxyUrl.replace(/\/+$/, '');

  async function call<T>(
    contract: Contract<T>,
    path: string,
    init: RequestInit & { signal?: AbortSignal | undefined },
  ): Promise<Received<T>> {
    const doFetch = fetchImpl ?? globalThis.fetch;
    // The schemas download beside the request, not after it.
    const loading = 'schema' in contract ? loadSchemas() : undefined;
    loading?.catch(() => undefined);
    // One controller for the caller's cancel and our time-out (AbortSignal.any is too new for some browsers).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const forward = () => controller.abort();
    init.signal?.addEventListener('abort', forward, { once: true });
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        signal: controller.signal,
        headers: { accept: 'application/json', ...headers, ...(init.headers as Record<string, string>) },
      });
      text = await response.text();
    } catch (cause) {
      if (init.signal?.aborted) throw cause; // a cancelled request is not a failure to report
      if (controller.signal.aborted) {
        throw new OffRampError(CLIENT_ERROR_CODES.timeout, `No answer within ${timeoutMs} ms`, { cause });
      }
      const code = isOffline() ? CLIENT_ERROR_CODES.offline : CLIENT_ERROR_CODES.network;
      throw new OffRampError(code, 'The request did not reach the server', { cause });
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', forward);
    }
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (cause) {
      if (!response.ok) {
        throw new OffRampError(`HTTP_${response.status}`, `HTTP ${response.status}`, {
          status: response.status,
          requestId,
          retryAfterMs: retryAfter(response),
          cause,
        });
      }
      throw new OffRampError(CLIENT_ERROR_CODES.invalidResponse, 'The answer is not JSON', { status: response.status, requestId, cause });
    }
    if (!response.ok) {
      const { code, message } = parseErrorBody(response.status, body);
      throw new OffRampError(code, message, { status: response.status, requestId, retryAfterMs: retryAfter(response) });
    }
    const invalid = (cause: unknown) =>
      new OffRampError(CLIENT_ERROR_CODES.invalidResponse, 'The answer does not match the contract', { status: response.status, requestId, cause });
    let data: T;
    if ('schema' in contract) {
      let loaded: Schemas;
      try {
        loaded = await loading!;
      } catch (cause) {
        // The schemas could not be downloaded: as if the answer had not arrived, so it is asked again.
        throw new OffRampError(CLIENT_ERROR_CODES.network, 'The answer could not be checked', { requestId, cause });
      }
      const parsed = loaded.successEnvelope(contract.schema(loaded)).safeParse(body);
      if (!parsed.success) throw invalid(parsed.error);
      data = (parsed.data as { data: T }).data;
    } else {
      const read = isSuccess(body) ? contract.read(body.data) : undefined;
      if (read === undefined) throw invalid(new Error('The answer is not of the expected shape'));
      data = read;
    }
    return { data, clockSkewMs: clockSkew(response), requestId };
  }

  return {
    estimate: (request, options = {}) =>
      call({ schema: (s) => s.estimateSchema }, `${API_PATHS.quotes}?${toQuery(request)}`, { method: 'GET', signal: options.signal }),
    lockQuote: (request, options = {}) =>
      call({ schema: (s) => s.quoteSchema }, API_PATHS.quotes, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(request),
        signal: options.signal,
      }),
    createOrder: (body, { idempotencyKey, signal }) =>
      call({ schema: (s) => s.orderSchema }, API_PATHS.offRamp, {
        method: 'POST',
        headers: { ...JSON_HEADERS, [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        body: JSON.stringify(body),
        signal,
      }),
    savedBankAccounts: ({ country }, options = {}) =>
      call({ schema: (s) => s.pageOf(s.savedBankAccountSchema) }, `${API_PATHS.bankAccounts(SESSION_USER)}?${toQuery({ rampType: 'OFF_RAMP', country })}`, {
        method: 'GET',
        signal: options.signal,
      }),
    receivers: (options = {}) =>
      call({ schema: (s) => s.pageOf(s.receiverSchema) }, `${API_PATHS.receivers}?${toQuery({ userId: SESSION_USER })}`, { method: 'GET', signal: options.signal }),
    execute: (request, options = {}) =>
      call({ schema: (s) => s.executeAnswerSchema }, API_PATHS.execute, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request), signal: options.signal }),
    transaction: async (id, options = {}) => {
      const answer = await call({ schema: (s) => s.pageOf(s.transactionSchema) }, `${API_PATHS.transactions}?${toQuery({ id })}`, { method: 'GET', signal: options.signal });
      return { ...answer, data: answer.data.data.find((transaction) => transaction.id === id) };
    },
    cancel: (id, options = {}) => call({ schema: (s) => s.cancelAnswerSchema }, API_PATHS.cancel(id), { method: 'PUT', signal: options.signal }),
    kycStatus: (options = {}) => call({ read: readKycStatus }, PROXY_PATHS.kycStatus, { method: 'GET', signal: options.signal }),
  };
};
