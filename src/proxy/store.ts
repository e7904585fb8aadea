/**
 * Where the proxy keeps what must outlive one request: idempotency records (one order per
 * confirmation, one handling per webhook event) and rate-limit counters. Every operation is
 * atomic, so several proxy instances sharing one store (Redis, see redis.ts) still make exactly one
 * order from concurrent duplicates.
 */

/**
 * A claimed key whose request is still being forwarded. `token` tells this claim from any later
 * one; `since`, when set, is when an earlier attempt with this key whose outcome is unknown began.
 */
export interface InFlightRecord {
  state: 'in-flight';
  fingerprint: string;
  token: string;
  since?: number;
}

/** A key whose first request succeeded: its answer, replayed to every repeat. */
export interface DoneRecord {
  state: 'done';
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * A key whose request may have reached the API without an answer the proxy could read (a time-out,
 * a cut answer): a repeat first asks the API whether the order exists. `since` is when the first
 * such attempt began (ms since the epoch, the proxy's clock).
 */
export interface UnknownRecord {
  state: 'unknown';
  fingerprint: string;
  since: number;
}

export type IdempotencyRecord = InFlightRecord | DoneRecord | UnknownRecord;

export interface RateCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

export interface ProxyStore {
  /** The live record under `key`, if any. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Atomically: when `key` holds a live record, returns it and changes nothing; otherwise stores
   * `claim` for `ttlMs` and returns `undefined` (the caller now owns the key).
   */
  claim(key: string, claim: InFlightRecord, ttlMs: number): Promise<IdempotencyRecord | undefined>;
  /**
   * Atomically: when `key` holds exactly `expected`, replaces it with `next`, kept `ttlMs`, and
   * returns true; otherwise changes nothing and returns false.
   */
  swap(key: string, expected: IdempotencyRecord, next: IdempotencyRecord, ttlMs: number): Promise<boolean>;
  /** Deletes `key` when it holds exactly `expected` (the caller's own claim). Does nothing otherwise. */
  release(key: string, expected: IdempotencyRecord): Promise<void>;
  /** Atomically counts one more request under `key`; a new key starts a window of `windowMs`. */
  hit(key: string, windowMs: number): Promise<RateCount>;
}

/** A record as one string with a fixed field order, so "exactly this record" is a string comparison (also in Redis). */
export const recordText = (record: IdempotencyRecord): string => {
  switch (record.state) {
    case 'in-flight':
      return JSON.stringify({ state: record.state, fingerprint: record.fingerprint, token: record.token, since: record.since });
    case 'done':
      return JSON.stringify({ state: record.state, fingerprint: record.fingerprint, status: record.status, body: record.body });
    case 'unknown':
      return JSON.stringify({ state: record.state, fingerprint: record.fingerprint, since: record.since });
  }
};

/** The record a string holds, or undefined for anything else. */
export const parseRecord = (value: unknown): IdempotencyRecord | undefined => {
  if (typeof value !== 'string') return undefined;
  const record = JSON.parse(value) as IdempotencyRecord;
  return record.state === 'in-flight' || record.state === 'done' || record.state === 'unknown' ? record : undefined;
};

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
  const records = new Map<string, { text: string; expiresAt: number }>();
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
    return entry && entry.expiresAt > at ? entry.text : undefined;
  };

  // Each method runs to completion without awaiting, so on one event loop it is atomic. Records are
  // kept as text, as in Redis, so a caller's later change to an object cannot reach the store.
  return {
    async get(key) {
      return parseRecord(live(key, now()));
    },
    async claim(key, claim, ttlMs) {
      const at = now();
      sweep(at);
      const existing = live(key, at);
      if (existing !== undefined) return parseRecord(existing);
      records.set(key, { text: recordText(claim), expiresAt: at + ttlMs });
      return undefined;
    },
    async swap(key, expected, next, ttlMs) {
      const at = now();
      if (live(key, at) !== recordText(expected)) return false;
      records.set(key, { text: recordText(next), expiresAt: at + ttlMs });
      return true;
    },
    async release(key, expected) {
      if (live(key, now()) === recordText(expected)) records.delete(key);
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
