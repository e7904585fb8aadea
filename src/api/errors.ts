/**
 * The one typed error the client throws, and every error row of the contract (`errorRows.ts`).
 */
import { API_ERRORS, type ApiErrorName, type ApiErrorRow } from './errorRows';

export * from './errorRows';

/** Codes of failures that never reached the API or came back unreadable. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  offline: 'OFFLINE',
  timeout: 'TIMEOUT',
  invalidResponse: 'INVALID_RESPONSE',
} as const;

export interface OffRampErrorInfo {
  status?: number;
  requestId?: string;
  /** From a `Retry-After` header: how long to wait before asking again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error the client throws: an API error row, a network failure, or an unreadable answer. */
export class OffRampError extends Error {
  override readonly name = 'OffRampError';
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: string,
    /** The server's (or the client's) own words; the UI shows the catalogue's, never this. */
    readonly serverMessage: string,
    info: OffRampErrorInfo = {},
  ) {
    super(`${code}: ${serverMessage}`, { cause: info.cause });
    this.status = info.status;
    this.requestId = info.requestId;
    this.retryAfterMs = info.retryAfterMs;
  }

  /**
   * Worth asking again unchanged: the request may not have arrived, or the server was busy.
   * Business answers (4xx other than 408/429) would come back the same.
   */
  get retryable(): boolean {
    if (this.status === undefined) return this.code !== CLIENT_ERROR_CODES.invalidResponse;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** True when this is the contract's row (code and message both match). */
  is(error: ApiErrorRow): boolean {
    return this.code === error.code && this.serverMessage === error.message;
  }
}

export const isOffRampError = (value: unknown): value is OffRampError => value instanceof OffRampError;

/** Whether a failure carries the code of the contract's row `name`. */
export const isRow = (error: unknown, name: ApiErrorName): boolean => isOffRampError(error) && error.code === API_ERRORS[name].code;

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * Reads an error body of any shape the API may send. Assumed main shape:
 * `{ success: false, statusCode, code, message }`; also `{ error: { code, message } }`, `errorCode`,
 * or an `error` string; else the HTTP status stands for the code.
 */
export const parseErrorBody = (status: number, body: unknown): { code: string; message: string } => {
  const fallback = { code: `HTTP_${status}`, message: `HTTP ${status}` };
  if (typeof body !== 'object' || body === null) return fallback;
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : undefined;
  const code = asString(record.code) ?? asString(nested?.code) ?? asString(record.errorCode);
  const message = asString(record.message) ?? asString(nested?.message) ?? asString(record.error);
  return { code: code ?? fallback.code, message: message ?? code ?? fallback.message };
};
