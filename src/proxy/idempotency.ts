/**
 * Exactly one upstream order per `Idempotency-Key`, across every proxy instance sharing the store.
 * The contract's rules: scope (user, key); a success is replayed with its status and body; the
 * API's own refusal (a JSON non-2xx answer) is forgotten, so a retry is processed afresh; a repeat
 * while the first is in flight waits for it (bounded), then gets 409; the same key with another
 * body gets 422. An attempt whose outcome the proxy could not read (a time-out, a cut or unreadable
 * answer) is kept as "outcome unknown": a repeat first asks the API for the order it may have made.
 */
import { canonicalJson } from '../api/contract';
import { API_ERRORS, type ApiErrorRow } from '../api/errors';
import { ProxyFailure } from './failure';
import type { DoneRecord, IdempotencyRecord, InFlightRecord, ProxyStore, UnknownRecord } from './store';

/** What the proxy answers the browser: a status, a body, the headers worth passing on. */
export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface IdempotencyOptions {
  /** How long a successful answer (or an unknown outcome) is kept. Default a day (the API itself keeps keys 48 h). */
  ttlMs?: number;
  /** How long a repeat waits for a first request still in flight before 409. Default 5 s; 0 answers 409 at once. */
  waitMs?: number;
}

export const DEFAULT_IDEMPOTENCY = { ttlMs: 24 * 60 * 60_000, waitMs: 5_000 } as const;

/** Marks a replayed answer (as Stripe does), so a support person can tell a repeat from a fresh order. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** Web Crypto, so the proxy stays runnable on Workers, Deno and Bun; records stay small. */
export const sha256 = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a (user, key) pair's record lives, and how a body is compared: hashes, never the values. */
export const idempotencyScope = async (userId: string, key: string) => `idempotency:${await sha256(JSON.stringify([userId, key]))}`;
export const bodyFingerprint = (body: unknown) => sha256(canonicalJson(body));

/** A stored success, as the repeat gets it. */
export const replayOf = (record: DoneRecord): Answer => ({
  status: record.status,
  body: record.body,
  headers: { 'content-type': 'application/json', [REPLAYED_HEADER]: 'true' },
});

export interface OnceInput {
  scope: string;
  fingerprint: string;
  /** How long a claim may stay in flight before another instance may take over (the first one died). */
  inFlightTtlMs: number;
  /** Whether an answer is a success worth replaying. A 2xx it is not leaves the outcome unknown. */
  keep: (answer: Answer) => boolean;
  /** What of a kept answer's body is stored for repeats (bank details are masked first). */
  toStore?: (body: string) => string;
  /**
   * Asks the API for the order an earlier attempt begun at `since` may have made: its answer (as a
   * fresh success would be), or `undefined` when the API shows none. Throws when it cannot tell.
   */
  recover: (since: number) => Promise<Answer | undefined>;
  /** The proxy's clock. */
  now: () => number;
}

/** Whether a failed forward may have made the order: only a refused connection surely did not. */
const mayHaveReachedApi = (error: unknown) => !(error instanceof ProxyFailure) || error.details.mayHaveReachedApi !== false;

/**
 * Runs `forward` at most once per (user, key) while its success is remembered, and answers
 * repeats from the store. Store failures before forwarding reject (the caller answers 503 and
 * forwards nothing); after forwarding they go to `onStoreError`, since the order exists by then.
 */
export async function once(
  store: ProxyStore,
  options: Required<IdempotencyOptions>,
  input: OnceInput,
  forward: () => Promise<Answer>,
  onStoreError: (error: unknown) => void,
): Promise<Answer | { error: ApiErrorRow }> {
  const { scope, fingerprint } = input;
  let claim: InFlightRecord = { state: 'in-flight', fingerprint, token: crypto.randomUUID() };

  // Polling the store works the same for memory and Redis, and across instances; the pause grows so a
  // crowd of repeats does not hammer the store.
  const deadline = input.now() + options.waitMs;
  let pause = 20;
  for (;;) {
    const existing: IdempotencyRecord | undefined = await store.claim(scope, claim, input.inFlightTtlMs);
    if (existing === undefined) break;
    if (existing.fingerprint !== fingerprint) return { error: API_ERRORS.idempotencyKeyMismatch };
    if (existing.state === 'done') return replayOf(existing);
    if (existing.state === 'unknown') {
      // Take the key over from the unknown record, atomically: one repeat at a time asks the API.
      const takeOver: InFlightRecord = { ...claim, since: existing.since };
      if (await store.swap(scope, existing, takeOver, input.inFlightTtlMs)) {
        claim = takeOver;
        const recovered = await settleUnknown(store, options, input, claim, existing, onStoreError);
        if (recovered) return recovered;
        break; // the API shows no order: forward it now
      }
      continue;
    }
    if (input.now() + pause > deadline) return { error: API_ERRORS.idempotencyInProgress };
    await sleep(pause);
    pause = Math.min(pause * 2, 250);
  }

  const attemptStarted = input.now();
  const unknownSince = claim.since ?? attemptStarted;
  const markUnknown = () =>
    store.swap(scope, claim, { state: 'unknown', fingerprint, since: unknownSince }, options.ttlMs).then(() => {}, onStoreError);

  let answer: Answer;
  try {
    answer = await forward();
  } catch (error) {
    if (mayHaveReachedApi(error)) await markUnknown();
    else await store.release(scope, claim).catch(onStoreError);
    throw error;
  }
  // The order exists now whatever the store says: a store failure is logged, never turned into an error answer.
  if (input.keep(answer)) await keepAnswer(store, options, input, claim, answer, onStoreError);
  else if (answer.status >= 200 && answer.status < 300) await markUnknown();
  else await store.release(scope, claim).catch(onStoreError);
  return answer;
}

const keepAnswer = async (
  store: ProxyStore,
  options: Required<IdempotencyOptions>,
  input: OnceInput,
  claim: InFlightRecord,
  answer: Answer,
  onStoreError: (error: unknown) => void,
) => {
  const body = input.toStore ? input.toStore(answer.body) : answer.body;
  const done: DoneRecord = { state: 'done', fingerprint: input.fingerprint, status: answer.status, body };
  await store.swap(input.scope, claim, done, options.ttlMs).catch(onStoreError);
  return done;
};

/**
 * The repeat of an attempt whose outcome is unknown: the order the API shows for it, kept and
 * answered as a replay; `undefined` when the API shows none (the caller forwards). When the API
 * cannot tell either, the record goes back to unknown and the failure is answered.
 */
const settleUnknown = async (
  store: ProxyStore,
  options: Required<IdempotencyOptions>,
  input: OnceInput,
  claim: InFlightRecord,
  unknown: UnknownRecord,
  onStoreError: (error: unknown) => void,
): Promise<Answer | undefined> => {
  let found: Answer | undefined;
  try {
    found = await input.recover(unknown.since);
  } catch (error) {
    await store.swap(input.scope, claim, unknown, options.ttlMs).catch(onStoreError);
    throw error;
  }
  if (found === undefined) return undefined;
  return replayOf(await keepAnswer(store, options, input, claim, found, onStoreError));
};
