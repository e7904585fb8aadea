/**
 * The proxy's store in Redis, for several proxy instances behind a load balancer. Every operation
 * is one server-side step (a Lua script run by EVAL), never a read then a write, so two instances
 * racing on one Idempotency-Key cannot both win the claim.
 *
 * ```ts
 * import { Redis } from 'ioredis';
 * const store = createRedisStore(new Redis(process.env.REDIS_URL!));
 * ```
 */
import type { DoneRecord, IdempotencyRecord, InFlightRecord, ProxyStore } from './store';

/**
 * What the store needs of a client: `eval`. An ioredis `Redis` or `Cluster` fits as it is (keys of
 * one call share one slot, since each script touches a single key).
 */
export interface RedisClient {
  eval(script: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Put before every key, so the proxy shares a Redis with other data safely. Default `offramp-proxy:`. */
  keyPrefix?: string;
}

// Returns the live record, or stores the claim (SET … PX) and returns nil: one atomic step.
const CLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

// Compare-and-set / compare-and-delete on the exact claim this instance wrote (its token makes it unique).
const COMPLETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// A fixed window: the first hit sets the expiry. A counter that somehow lost its expiry gets one back.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/** Fixed key order, so the claim written and the claim compared are the same string. */
const serialize = (record: IdempotencyRecord): string =>
  record.state === 'in-flight'
    ? JSON.stringify({ state: record.state, fingerprint: record.fingerprint, token: record.token })
    : JSON.stringify({ state: record.state, fingerprint: record.fingerprint, status: record.status, body: record.body });

const parse = (value: unknown): IdempotencyRecord | undefined => {
  if (typeof value !== 'string') return undefined;
  const record = JSON.parse(value) as IdempotencyRecord;
  return record.state === 'in-flight' || record.state === 'done' ? record : undefined;
};

export function createRedisStore(redis: RedisClient, options: RedisStoreOptions = {}): ProxyStore {
  const prefix = options.keyPrefix ?? 'offramp-proxy:';
  return {
    async claim(key, claim: InFlightRecord, ttlMs) {
      return parse(await redis.eval(CLAIM, 1, prefix + key, serialize(claim), Math.ceil(ttlMs)));
    },
    async complete(key, claim: InFlightRecord, done: DoneRecord, ttlMs) {
      await redis.eval(COMPLETE, 1, prefix + key, serialize(claim), serialize(done), Math.ceil(ttlMs));
    },
    async release(key, claim: InFlightRecord) {
      await redis.eval(RELEASE, 1, prefix + key, serialize(claim));
    },
    async hit(key, windowMs) {
      const [count, resetInMs] = (await redis.eval(HIT, 1, prefix + key, Math.ceil(windowMs))) as [number, number];
      return { count: Number(count), resetInMs: Number(resetInMs) };
    },
  };
}
