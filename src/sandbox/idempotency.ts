/**
 * `Idempotency-Key` on `POST /off-ramp`, as documented: scope (userId, key), 48 h; a success is
 * replayed with its original status, a failure is forgotten (the retry is processed afresh).
 * Assumed (IETF draft): in flight → 409, same key with another body → 422.
 */
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { canonicalJson, HEADERS, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_TTL_MS } from '../api/contract';
import { API_ERRORS } from '../api/errors';
import { isRecord } from '../api/fields';
import { fail } from './failure';

type Entry = { fingerprint: string; at: number } & (
  | { state: 'in-flight' }
  | { state: 'done'; status: ContentfulStatusCode; body: unknown }
);

export const idempotent = (now: () => number): MiddlewareHandler => {
  const entries = new Map<string, Entry>();

  return async (c, next) => {
    const key = c.req.header(HEADERS.idempotencyKey);
    if (key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) fail(API_ERRORS.invalidUserInput);
    // Hono caches the parsed body, so the route reads it again for free.
    const body: unknown = await c.req.json().catch(() => undefined);
    const userId = isRecord(body) && typeof body.userId === 'string' ? body.userId : undefined;
    // Without a user the order fails, and failures are not remembered.
    if (userId === undefined) return next();

    const scope = JSON.stringify([userId, key]);
    const fingerprint = canonicalJson(body);
    const previous = entries.get(scope);
    if (previous && now() - previous.at < IDEMPOTENCY_TTL_MS) {
      if (previous.fingerprint !== fingerprint) fail(API_ERRORS.idempotencyKeyMismatch);
      if (previous.state === 'in-flight') fail(API_ERRORS.idempotencyInProgress);
      return c.json(previous.body, previous.status);
    }

    entries.set(scope, { state: 'in-flight', fingerprint, at: now() });
    let settled = false;
    try {
      await next();
      if (c.res.ok) {
        entries.set(scope, { state: 'done', fingerprint, at: now(), status: c.res.status as ContentfulStatusCode, body: await c.res.clone().json() });
        settled = true;
      }
    } finally {
      if (!settled) entries.delete(scope);
    }
  };
};
