/**
 * Exactly one upstream order per `Idempotency-Key`, across every proxy instance sharing the store.
 * The contract's rules: scope (user, key); a success is replayed with its status and body; a
 * failure (non-2xx, or an answer the caller cannot use) is forgotten, so a retry is processed
 * afresh; a repeat while the first is in flight waits for it (bounded), then gets 409; the same key
 * with another body gets 422.
 */
import { canonicalJson } from '../api/contract';
import { API_ERRORS, type ApiErrorRow } from '../api/errors';
import type { InFlightRecord, ProxyStore } from './store';

/** What the proxy answers the browser: a status, a body, the headers worth passing on. */
export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface IdempotencyOptions {
  /** How long a successful answer is replayed. Default a day (the API itself keeps keys 48 h). */
  ttlMs?: number;
  /** How long a repeat waits for a first request still in flight before 409. Default 5 s; 0 answers 409 at once. */
  waitMs?: number;
}

export const DEFAULT_IDEMPOTENCY = { ttlMs: 24 * 60 * 60_000, waitMs: 5_000 } as const;

/** Marks a replayed answer (as Stripe does), so a support person can tell a repeat from a fresh order. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** Web Crypto, so the proxy stays runnable on Workers, Deno and Bun; records stay small; stored answers have their bank details masked. */
const sha256 = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface OnceInput {
  userId: string;
  key: string;
  /** The body as it goes upstream (after the proxy's rewrite), so what is compared is what is sent. */
  body: unknown;
  /** How long a claim may stay in flight before another instance may take over (the first one died). */
  inFlightTtlMs: number;
  /** Whether an answer is a success worth replaying. */
  keep: (answer: Answer) => boolean;
  /** What of a kept answer's body is stored for repeats (bank details are masked first). */
  toStore?: (body: string) => string;
}

/**
 * Runs `forward` at most once per (user, key) while its success is remembered, and answers
 * repeats from the store. A thrown `forward` releases the key, like any failure.
 */
export async function once(
  store: ProxyStore,
  options: Required<IdempotencyOptions>,
  input: OnceInput,
  forward: () => Promise<Answer>,
  onStoreError: (error: unknown) => void,
): Promise<Answer | { error: ApiErrorRow }> {
  const scope = `idempotency:${await sha256(JSON.stringify([input.userId, input.key]))}`;
  const fingerprint = await sha256(canonicalJson(input.body));
  const claim: InFlightRecord = { state: 'in-flight', fingerprint, token: crypto.randomUUID() };

  // Polling the store works the same for memory and Redis, and across instances; the pause grows so a
  // crowd of repeats does not hammer the store.
  const deadline = Date.now() + options.waitMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    const existing = await store.claim(scope, claim, input.inFlightTtlMs);
    if (existing === undefined) break;
    if (existing.fingerprint !== fingerprint) return { error: API_ERRORS.idempotencyKeyMismatch };
    if (existing.state === 'done') {
      return { status: existing.status, body: existing.body, headers: { 'content-type': 'application/json', [REPLAYED_HEADER]: 'true' } };
    }
    if (Date.now() + pause > deadline) return { error: API_ERRORS.idempotencyInProgress };
    await sleep(pause);
  }

  let answer: Answer;
  try {
    answer = await forward();
  } catch (error) {
    await store.release(scope, claim).catch(onStoreError);
    throw error;
  }
  // The order exists now whatever the store says: a store failure is logged, never turned into an error answer.
  if (input.keep(answer)) {
    const body = input.toStore ? input.toStore(answer.body) : answer.body;
    const done = { state: 'done' as const, fingerprint, status: answer.status, body };
    await store.complete(scope, claim, done, options.ttlMs).catch(onStoreError);
  } else {
    await store.release(scope, claim).catch(onStoreError);
  }
  return answer;
}
