/**
 * The proxy's store in Redis, for several proxy instances behind a load balancer. Every operation
 * is one server-side step (a Lua script run by EVAL), never a read then a write, so two instances
 * racing on one Idempotency-Key cannot both win the claim.
 *
 * ```ts
 * import { Redis } from 'ioredis';
 * const store = createRedisStore(new Redis(process.env.REDIS_URL!, REDIS_FAIL_FAST));
 * ```
 */
import { parseRecord, recordText, type ProxyStore } from './store';

/**
 * What the store needs of a client: `eval`, and `on('error')` when it has one. An ioredis `Redis`
 * or `Cluster` fits as it is (keys of one call share one slot, since each script touches a single key).
 */
export interface RedisClient {
  eval(script: string, numberOfKeys: number, ...args: (string | number)[]): Promise<unknown>;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

export interface RedisStoreOptions {
  /** Put before every key, so the proxy shares a Redis with other data safely. Default `offramp-proxy:`. */
  keyPrefix?: string;
}

/**
 * ioredis options for a client the proxy uses: a command fails within about a second while Redis is
 * down (the proxy then answers 503 `STORE_UNAVAILABLE`), instead of waiting through ioredis's 20
 * reconnection retries per command (over a minute). The proxy puts its own deadline on every store
 * call too (`storeTimeoutMs`); these keep ioredis from queueing work that deadline already gave up on.
 */
export const REDIS_FAIL_FAST = {
  maxRetriesPerRequest: 1,
  commandTimeout: 1_000,
  connectTimeout: 2_000,
} as const;

const GET = `return redis.call('GET', KEYS[1])`;

// Returns the live record, or stores the claim (SET … PX) and returns nil: one atomic step.
const CLAIM = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

// Compare-and-set / compare-and-delete on the exact record the caller expects.
const SWAP = `
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

/**
 * The client's connection errors are observed here: a failed call already reaches the proxy's log
 * as `store-error` (with the last connection error in its message), and an ioredis client with no
 * `error` listener prints "Unhandled error event" for every reconnection attempt.
 */
export function createRedisStore(redis: RedisClient, options: RedisStoreOptions = {}): ProxyStore {
  const prefix = options.keyPrefix ?? 'offramp-proxy:';
  let lastConnectionError: string | undefined;
  redis.on?.('error', (error) => {
    lastConnectionError = error.message;
  });
  const run = async (script: string, key: string, ...args: (string | number)[]) => {
    try {
      const result = await redis.eval(script, 1, prefix + key, ...args);
      lastConnectionError = undefined;
      return result;
    } catch (error) {
      const detail = lastConnectionError ? ` (connection: ${lastConnectionError})` : '';
      throw new Error(`Redis: ${error instanceof Error ? error.message : String(error)}${detail}`, { cause: error });
    }
  };
  return {
    async get(key) {
      return parseRecord(await run(GET, key));
    },
    async claim(key, claim, ttlMs) {
      return parseRecord(await run(CLAIM, key, recordText(claim), Math.ceil(ttlMs)));
    },
    async swap(key, expected, next, ttlMs) {
      return (await run(SWAP, key, recordText(expected), recordText(next), Math.ceil(ttlMs))) === 1;
    },
    async release(key, expected) {
      await run(RELEASE, key, recordText(expected));
    },
    async hit(key, windowMs) {
      const [count, resetInMs] = (await run(HIT, key, Math.ceil(windowMs))) as [number, number];
      return { count: Number(count), resetInMs: Number(resetInMs) };
    },
  };
}
