/**
 * The proxy's logs: one structured entry per answer, and one per failure of its own. An entry
 * carries the request id the browser also got (`x-request-id`), so a user's report finds its line.
 * Entries never hold bodies, query strings or headers: bank details and the API key cannot leak.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface ProxyLogEntry {
  level: LogLevel;
  /**
   * What happened: `request` (every answer, info), or a failure of the proxy's own: `upstream-timeout`,
   * `upstream-unreadable` (warn), `upstream-unreachable`, `store-error`, `unexpected-error` (error);
   * after an order attempt whose outcome was unknown, `order-recovered` or `order-not-found` (warn);
   * from the webhook handler, `webhook-unauthorized`, `webhook-unreadable` (warn), `webhook-handler-error` (error).
   */
  event: string;
  requestId: string;
  method: string;
  /** The path only; the query string stays out (it can carry amounts and ids). */
  path: string;
  status?: number;
  /** For `request`: from arrival to answer. */
  durationMs?: number;
  /** The signed-in user, once known. */
  userId?: string;
  /** The error code the proxy answered with, for its own refusals. */
  code?: string;
  /** A failure's name and message (never its request). */
  error?: string;
}

export type ProxyLogger = (entry: ProxyLogEntry) => void;

const RANK: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/** One JSON line per entry on the console, from `level` up (`info` shows every answer). */
export const consoleLogger =
  (level: LogLevel = 'info'): ProxyLogger =>
  (entry) => {
    if (RANK[entry.level] < RANK[level]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), source: 'offramp-proxy', ...entry });
    if (entry.level === 'error') console.error(line);
    else if (entry.level === 'warn') console.warn(line);
    else console.info(line);
  };

/** A URL's query in an error's text (a fetch error may name the URL it called): cut out, it can carry ids and amounts. */
const QUERY = /\?[^\s'"`)]*/g;

/** `name: message`, without the request, its headers or any query string. */
export const describeError = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).replace(QUERY, '');
