/**
 * The partner's webhook receiver: a web-standard handler for the API's event calls. It reads the
 * raw body (size-capped, within a deadline), checks `capa-signature` (constant time, in the API
 * module), parses the event, drops a repeat of an event already handled (the API retries up to 5
 * times; with a Redis store, across every instance), and calls `onEvent` once per event.
 *
 * ```ts
 * const webhooks = createWebhookHandler({
 *   secret: process.env.OFFRAMP_WEBHOOK_SECRET!,
 *   store, // the proxy's own store: Redis with several instances
 *   onEvent: async (event) => { await orders.update(event.transactionId, event.event); },
 * });
 * app.post('/offramp-webhooks', getRequestListener(webhooks));
 * ```
 */
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, webhookEventSchema, type WebhookEvent } from '../api/webhooks';
import { readCapped } from './body';
import { withStoreDeadline } from './deadline';
import { ProxyFailure } from './failure';
import { sha256 } from './idempotency';
import { consoleLogger, describeError, type ProxyLogger } from './log';
import { createMemoryStore, type DoneRecord, type InFlightRecord, type ProxyStore } from './store';

export { verifyWebhookSignature } from '../api/webhooks';

export interface WebhookHandlerOptions {
  /** The webhook secret the API signs with (from the server's environment). */
  secret: string;
  /** Called once per event; a throw answers 500, so the API sends the event again later. */
  onEvent: (event: WebhookEvent, request: Request) => void | Promise<void>;
  /** Where handled events are remembered: the proxy's store (Redis across instances). Default `createMemoryStore()`. */
  store?: ProxyStore;
  /** Larger bodies get 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /** How long a body may take to arrive; then 408. Default 10 s. */
  bodyTimeoutMs?: number;
  /** How long one store call may take; then 503 (the API retries). Default 1 s. */
  storeTimeoutMs?: number;
  /** How long `onEvent` may run before another delivery of the same event may run it again. Default 30 s. */
  handlerTimeoutMs?: number;
  /** How long a handled event is remembered. Default 1 h (the API's retries span about 31 minutes). */
  rememberMs?: number;
  /** Structured log entries, as the proxy's. Default: warnings and errors on the console. */
  logger?: ProxyLogger;
}

export type WebhookHandler = (request: Request, env?: unknown) => Promise<Response>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_BODY_TIMEOUT_MS = 10_000;
const DEFAULT_STORE_TIMEOUT_MS = 1_000;
const DEFAULT_HANDLER_TIMEOUT_MS = 30_000;
const DEFAULT_REMEMBER_MS = 60 * 60_000;

/**
 * Assumed (the API sends no event id): a delivery repeats an event when it names the same type,
 * event and subject (the transaction, else the user). A body that names no subject is its own identity.
 */
const eventIdentity = (event: WebhookEvent, body: string): string => {
  const subject = event.transactionId ?? event.externalUserId ?? event.userId;
  return subject ? JSON.stringify([event.type, event.event, subject]) : body;
};

/** Answers carry no detail: the caller is the API, or someone probing for a secret. */
const bare = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers } });

export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secret, onEvent } = options;
  if (!secret) throw new TypeError('createWebhookHandler: secret is empty (is the environment variable set?)');
  const store = withStoreDeadline(options.store ?? createMemoryStore(), options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS;
  const rememberMs = options.rememberMs ?? DEFAULT_REMEMBER_MS;
  const log = options.logger ?? consoleLogger('warn');

  return async (request) => {
    const entry = { requestId: crypto.randomUUID(), method: request.method, path: new URL(request.url).pathname };
    if (request.method !== 'POST') return bare(405, { allow: 'POST' });
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return bare(413);
    let read;
    try {
      read = await readCapped(request.body, maxBodyBytes, AbortSignal.timeout(bodyTimeoutMs));
    } catch {
      return bare(408, { connection: 'close' });
    }
    if ('tooLarge' in read) return bare(413);
    const body = read.text;

    if (!(await verifyWebhookSignature(body, request.headers.get(WEBHOOK_SIGNATURE_HEADER), secret))) {
      log({ level: 'warn', event: 'webhook-unauthorized', ...entry, status: 401 });
      return bare(401);
    }
    let event: WebhookEvent;
    try {
      event = webhookEventSchema.parse(JSON.parse(body));
    } catch (error) {
      log({ level: 'warn', event: 'webhook-unreadable', ...entry, status: 400, error: describeError(error) });
      return bare(400);
    }

    const scope = `webhook:${await sha256(eventIdentity(event, body))}`;
    const claim: InFlightRecord = { state: 'in-flight', fingerprint: scope, token: crypto.randomUUID() };
    try {
      const existing = await store.claim(scope, claim, handlerTimeoutMs);
      // Handled already: acknowledged, so the API stops retrying. Still being handled: 409, so it tries again later.
      if (existing?.state === 'done') return bare(200);
      if (existing !== undefined) return bare(409);
    } catch (error) {
      log({ level: 'error', event: 'store-error', ...entry, status: 503, error: describeError(error instanceof ProxyFailure ? error.cause : error) });
      return bare(503, error instanceof ProxyFailure ? error.details.headers : {});
    }

    try {
      await onEvent(event, request);
    } catch (error) {
      log({ level: 'error', event: 'webhook-handler-error', ...entry, status: 500, error: describeError(error) });
      await store.release(scope, claim).catch(() => {});
      return bare(500);
    }
    const done: DoneRecord = { state: 'done', fingerprint: scope, status: 200, body: '' };
    await store.swap(scope, claim, done, rememberMs).catch((error: unknown) =>
      log({ level: 'error', event: 'store-error', ...entry, error: describeError(error instanceof ProxyFailure ? error.cause : error) }),
    );
    return bare(200);
  };
}
