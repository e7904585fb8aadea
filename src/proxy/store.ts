/**
 * Where the proxy keeps what must outlive one request: idempotency records (one order per
 * confirmation) and rate-limit counters. Every operation is atomic, so several proxy instances
 * sharing one store (Redis, see redis.ts) still make exactly one order from concurrent duplicates.
 */

/** A claimed key whose request is still being forwarded. `token` tells this claim from any later one. */
export interface InFlightRecord {
  state: 'in-flight';
  fingerprint: string;
  token: string;
}

/** A key whose first request succeeded: its answer, replayed to every repeat. */
export interface DoneRecord {
  state: 'done';
  fingerprint: string;
  status: number;
  body: string;
}

export type IdempotencyRecord = InFlightRecord | DoneRecord;

export interface RateCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

export interface ProxyStore {
  /**
   * Atomically: when `key` holds a live record, returns it and changes nothing; otherwise stores
   * `claim` for `ttlMs` and returns `undefined` (the caller now owns the key).
   */
  claim(key: string, claim: InFlightRecord, ttlMs: number): Promise<IdempotencyRecord | undefined>;
  /** Replaces the caller's own claim with the finished answer, kept `ttlMs`. Does nothing if the key holds anything else. */
  complete(key: string, claim: InFlightRecord, done: DoneRecord, ttlMs: number): Promise<void>;
  /** Deletes the caller's own claim (the attempt failed: a retry is processed afresh). Does nothing if the key holds anything else. */
  release(key: string, claim: InFlightRecord): Promise<void>;
  /** Atomically counts one more request under `key`; a new key starts a window of `windowMs`. */
  hit(key: string, windowMs: number): Promise<RateCount>;
}

export interface MemoryStoreOptions {
  /** The clock (tests). Default `Date.now`. */
  now?: () => number;
}

/** Expired entries are dropped when read, and all of them at most once a minute, so memory stays bounded without timers. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A store in this process's memory: right for one proxy instance. Behind a load balancer, give
 * every instance the same `createRedisStore(redis)` instead, or each makes its own order.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProxyStore {
  const now = options.now ?? Date.now;
  const records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();
  const counters = new Map<string, { count: number; expiresAt: number }>();
  let sweptAt = now();

  const sweep = (at: number) => {
    if (at - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = at;
    for (const [key, entry] of records) if (entry.expiresAt <= at) records.delete(key);
    for (const [key, entry] of counters) if (entry.expiresAt <= at) counters.delete(key);
  };

  const live = (key: string, at: number) => {
    const entry = records.get(key);
    return entry && entry.expiresAt > at ? entry.record : undefined;
  };
  const isOwn = (record: IdempotencyRecord | undefined, claim: InFlightRecord) =>
    record?.state === 'in-flight' && record.token === claim.token;

  // Each method runs to completion without awaiting, so on one event loop it is atomic.
  return {
    async claim(key, claim, ttlMs) {
      const at = now();
      sweep(at);
      const existing = live(key, at);
      if (existing) return existing;
      records.set(key, { record: claim, expiresAt: at + ttlMs });
      return undefined;
    },
    async complete(key, claim, done, ttlMs) {
      const at = now();
      if (isOwn(live(key, at), claim)) records.set(key, { record: done, expiresAt: at + ttlMs });
    },
    async release(key, claim) {
      if (isOwn(live(key, now()), claim)) records.delete(key);
    },
    async hit(key, windowMs) {
      const at = now();
      sweep(at);
      const entry = counters.get(key);
      if (!entry || entry.expiresAt <= at) {
        counters.set(key, { count: 1, expiresAt: at + windowMs });
        return { count: 1, resetInMs: windowMs };
      }
      entry.count += 1;
      return { count: entry.count, resetInMs: entry.expiresAt - at };
    },
  };
}
