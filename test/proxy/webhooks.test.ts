// @vitest-environment node
/**
 * The webhook handler over real HTTP: the signature, the event's parse, and one `onEvent` per event
 * however often the API delivers it, in one instance and across two instances sharing a real
 * redis-server.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER, type WebhookEvent } from '../../src/api/webhooks';
import { createRedisStore, createWebhookHandler, REDIS_FAIL_FAST, verifyWebhookSignature, type WebhookHandlerOptions } from '../../src/proxy';
import { servers, startRedis, type RedisServer } from './helpers';

const serve = servers();
const SECRET = 'whsec_test_5f1c2a9e7b3d4c6a8e0f1b2d3c4a5e6f';
const OTHER_SECRET = 'whsec_test_a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';

const completed = (transactionId = crypto.randomUUID()) => ({
  type: 'TRANSACTION',
  event: 'COMPLETED_OFF_RAMP',
  externalUserId: 'partner-user-ana',
  transactionId,
  status: 'COMPLETED',
  cryptoAmount: '100.000000',
  fiatAmount: '1788.40',
  fiatCurrency: 'MXN',
});

const receiver = async (options: Partial<WebhookHandlerOptions> = {}) => {
  const events: WebhookEvent[] = [];
  const handler = createWebhookHandler({ secret: SECRET, onEvent: (event) => void events.push(event), logger: () => {}, ...options });
  const { url } = await serve(handler);
  return { url, events };
};

/** What the API sends: the JSON body and its signature, as sent. */
const deliver = async (url: string, event: unknown, signature?: string | null) => {
  const body = JSON.stringify(event);
  const signed = signature === undefined ? await signWebhookBody(body, SECRET) : signature;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signed === null ? {} : { [WEBHOOK_SIGNATURE_HEADER]: signed }) }, body });
};

describe('createWebhookHandler', () => {
  it('accepts a well-signed event: 200, onEvent called with it parsed (amounts from strings)', async () => {
    const { url, events } = await receiver();
    const event = completed();
    const answer = await deliver(url, event);
    expect(answer.status).toBe(200);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'COMPLETED_OFF_RAMP', transactionId: event.transactionId, cryptoAmount: 100, fiatAmount: 1788.4 });
  });

  it.each([
    ['a wrong signature', '0'.repeat(64)],
    ['a signature with another secret', 'other'],
    ['no signature', null],
  ])('answers 401 with no detail to %s, calling nothing', async (_case, signature) => {
    const { url, events } = await receiver();
    const event = completed();
    const signed = signature === 'other' ? await signWebhookBody(JSON.stringify(event), OTHER_SECRET) : signature;
    const answer = await deliver(url, event, signed);
    expect(answer.status).toBe(401);
    expect(await answer.text()).toBe('');
    expect(events).toHaveLength(0);
  });

  it('calls onEvent once for the same event delivered twice, and answers 200 to both', async () => {
    const { url, events } = await receiver();
    const event = completed();
    expect((await deliver(url, event)).status).toBe(200);
    expect((await deliver(url, event)).status).toBe(200);
    expect(events).toHaveLength(1);
    // Another event of the same transaction is its own event.
    expect((await deliver(url, { ...event, event: 'CRYPTO_RECEIVED_OFF_RAMP' })).status).toBe(200);
    expect(events).toHaveLength(2);
  });

  it('answers 500 when onEvent throws, so the API delivers again, and handles that delivery', async () => {
    let fail = true;
    const handled: string[] = [];
    const { url } = await receiver({
      onEvent: (event) => {
        if (fail) throw new Error('database down');
        handled.push(event.transactionId!);
      },
    });
    const event = completed();
    expect((await deliver(url, event)).status).toBe(500);
    fail = false;
    expect((await deliver(url, event)).status).toBe(200);
    expect(handled).toEqual([event.transactionId]);
  });

  it('refuses a body over its size limit (413) and a signed body that is no event (400)', async () => {
    const { url, events } = await receiver({ maxBodyBytes: 512 });
    expect((await deliver(url, { ...completed(), padding: 'x'.repeat(1_000) })).status).toBe(413);
    expect((await deliver(url, { type: 'TRANSACTION', event: 'COMPLETED_OFF_RAMP' })).status).toBe(400); // no transactionId
    expect(events).toHaveLength(0);
  });

  it('re-exports verifyWebhookSignature for frameworks that read the body themselves', async () => {
    const body = JSON.stringify(completed());
    expect(await verifyWebhookSignature(body, await signWebhookBody(body, SECRET), SECRET)).toBe(true);
    expect(await verifyWebhookSignature(body, undefined, SECRET)).toBe(false);
  });
});

describe('two webhook receivers sharing one redis-server', () => {
  let redisServer: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redisServer = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redisServer?.stop();
  });

  it('call onEvent once for an event the API delivers to both, at once and again later', async () => {
    const handled: string[] = [];
    const instance = async () => {
      const client = new Redis(`redis://127.0.0.1:${redisServer.port}`, REDIS_FAIL_FAST);
      clients.push(client);
      const store = createRedisStore(client, { keyPrefix: 'webhooks:' });
      const handler = createWebhookHandler({
        secret: SECRET,
        store,
        logger: () => {},
        onEvent: async (event) => {
          handled.push(event.transactionId!);
        },
      });
      return (await serve(handler)).url;
    };
    const [a, b] = await Promise.all([instance(), instance()]);
    const event = completed();
    const first = await Promise.all([deliver(a, event), deliver(b, event)]);
    // One handled it; the other answered 200 (already handled) or 409 (still being handled: the API retries).
    expect(first.map((answer) => answer.status).sort()).toEqual(expect.arrayContaining([200]));
    for (const answer of first) expect([200, 409]).toContain(answer.status);
    const retries = await Promise.all([deliver(a, event), deliver(b, event), deliver(a, event)]);
    expect(retries.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(handled).toEqual([event.transactionId]);
  });
});
