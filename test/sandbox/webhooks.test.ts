// @vitest-environment node
/**
 * Webhooks: one per status change of an order (and per KYC decision), signed with the partner's
 * secret, sent to the URL of PUT /webhook-settings, retried on the sandbox's clock.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS, CANCELLED_BY_USER_REASON, DEFAULT_QUOTE_LIFETIME_MS, OFF_RAMP_HAPPY_PATH } from '../../src/api/contract';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, webhookEventSchema } from '../../src/api/webhooks';
import type { Sandbox } from '../../src/sandbox';
import { call, execute, F, placeOrder, sandboxAt, T0, walk } from './helpers';

const HOOK_URL = 'https://partner.example/capa/webhooks';

interface Received {
  url: string;
  body: string;
  headers: Headers;
}

/**
 * A partner endpoint: records every request and answers the next status of `answers` (then 200);
 * a status of 0 is a network failure. `next()` resolves at the next request it receives.
 */
const partnerEndpoint = (answers: number[] = []) => {
  const received: Received[] = [];
  let waiting: (() => void) | undefined;
  const fetch = async (url: string, init: RequestInit) => {
    received.push({ url, body: String(init.body), headers: new Headers(init.headers) });
    waiting?.();
    const status = answers.shift() ?? 200;
    if (status === 0) throw new TypeError('fetch failed');
    return new Response(null, { status });
  };
  const next = () => new Promise<void>((resolve) => (waiting = resolve));
  const events = () => received.map((request) => JSON.parse(request.body) as Record<string, unknown>);
  return { fetch, received, next, events };
};

const setUp = async (answers: number[] = [], options: Parameters<typeof sandboxAt>[0] = {}) => {
  const endpoint = partnerEndpoint(answers);
  const setup = sandboxAt({ webhookFetch: endpoint.fetch, ...options });
  const settings = await call(setup.sandbox, API_PATHS.webhookSettings, { method: 'PUT', body: { url: HOOK_URL } });
  expect(settings.status).toBe(200);
  return { ...setup, endpoint };
};

const cancel = (sandbox: Sandbox, id: string) => call(sandbox, API_PATHS.cancel(id), { method: 'PUT' });

describe('PUT /webhook-settings', () => {
  it('answers 200 with the URL set, and null clears it', async () => {
    const { sandbox } = sandboxAt();
    expect((await call(sandbox, API_PATHS.webhookSettings, { method: 'PUT', body: { url: HOOK_URL } })).body).toEqual({ success: true, data: { url: HOOK_URL } });
    expect((await call(sandbox, API_PATHS.webhookSettings, { method: 'PUT', body: { url: null } })).body).toEqual({ success: true, data: { url: null } });
  });

  it('sends nothing without a URL, and does not replay what happened before one was set', async () => {
    const endpoint = partnerEndpoint();
    const { sandbox } = sandboxAt({ webhookFetch: endpoint.fetch });
    await placeOrder(sandbox);
    await sandbox.deliverWebhooks();
    expect(endpoint.received).toHaveLength(0);
    await call(sandbox, API_PATHS.webhookSettings, { method: 'PUT', body: { url: HOOK_URL } });
    await sandbox.deliverWebhooks();
    expect(endpoint.received).toHaveLength(0);
    expect(sandbox.webhooks()).toEqual([]);
  });

  it("sends one partner's events to its own URL only", async () => {
    const { sandbox, endpoint } = await setUp();
    await call(sandbox, API_PATHS.offRamp, { method: 'POST', key: F.otherPartnerApiKey, body: { userId: F.otherPartnerUserId } });
    await sandbox.deliverWebhooks();
    expect(endpoint.received).toHaveLength(0);
  });
});

describe('an order', () => {
  it('sends CREATED_OFF_RAMP, signed with the partner secret over the exact body, amounts as strings', async () => {
    const { sandbox, endpoint } = await setUp();
    const order = (await placeOrder(sandbox, { cryptoAmount: 1.01 })).body.data;
    await sandbox.deliverWebhooks();
    expect(endpoint.received).toHaveLength(1);
    const [request] = endpoint.received;
    expect(request!.url).toBe(HOOK_URL);
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(await verifyWebhookSignature(request!.body, request!.headers.get(WEBHOOK_SIGNATURE_HEADER), F.webhookSecret)).toBe(true);
    expect(await verifyWebhookSignature(request!.body, request!.headers.get(WEBHOOK_SIGNATURE_HEADER), F.otherPartnerWebhookSecret)).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      type: 'TRANSACTION',
      event: 'CREATED_OFF_RAMP',
      externalUserId: F.externalUserIds.verified,
      transactionId: order.id,
      userId: F.verifiedUserId,
      transactionType: 'OFF_RAMP',
      status: 'PENDING_PAYMENT',
      cryptoAmount: '1.010000',
      fiatAmount: '18.18',
      exchangeRate: '18.000000',
      premiumSpread: '0',
      fiatCurrency: 'MXN',
      tokenSymbol: 'USDC',
      blockchainSymbol: 'POL',
      timestamp: new Date(T0).toISOString(),
    });
    expect(webhookEventSchema.parse(JSON.parse(request!.body))).toMatchObject({ cryptoAmount: 1.01, fiatAmount: 18.18 });
  });

  it('sends one event per status of the happy path, in order', async () => {
    const { sandbox, endpoint } = await setUp();
    await walk(sandbox, (await placeOrder(sandbox, { cryptoAmount: 1.01 })).body.data);
    await sandbox.deliverWebhooks();
    const events = endpoint.events().map((event) => event.event);
    expect(events).toEqual(['CREATED_OFF_RAMP', ...OFF_RAMP_HAPPY_PATH.slice(1).map((status) => `${status}_OFF_RAMP`)]);
    // The documented names among them:
    expect(events).toEqual(expect.arrayContaining(['CRYPTO_RECEIVED_OFF_RAMP', 'COMPLETED_OFF_RAMP']));
    expect(endpoint.events().at(-1)).toMatchObject({ status: 'COMPLETED' });
  });

  it('sends CANCELLED_OFF_RAMP with NAME_VERIFICATION_FAILED for 1.02, and CRYPTO_NOT_RECEIVED_OFF_RAMP for 1.03', async () => {
    const { sandbox, endpoint } = await setUp();
    await walk(sandbox, (await placeOrder(sandbox, { cryptoAmount: 1.02 })).body.data);
    await walk(sandbox, (await placeOrder(sandbox, { cryptoAmount: 1.03 })).body.data);
    await sandbox.deliverWebhooks();
    const last = (amount: string) => endpoint.events().filter((event) => event.cryptoAmount === amount).at(-1);
    expect(last('1.020000')).toMatchObject({ event: 'CANCELLED_OFF_RAMP', status: 'CANCELLED', cancellationReason: 'NAME_VERIFICATION_FAILED' });
    expect(last('1.030000')).toMatchObject({ event: 'CRYPTO_NOT_RECEIVED_OFF_RAMP', status: 'CRYPTO_NOT_RECEIVED' });
    expect(last('1.030000')).not.toHaveProperty('cancellationReason');
  });

  it('sends CANCELLED_OFF_RAMP once for a cancel called twice', async () => {
    const { sandbox, endpoint } = await setUp();
    const order = (await placeOrder(sandbox)).body.data;
    await cancel(sandbox, order.id);
    await cancel(sandbox, order.id);
    await sandbox.deliverWebhooks();
    expect(endpoint.events().map((event) => [event.event, event.cancellationReason])).toEqual([
      ['CREATED_OFF_RAMP', undefined],
      ['CANCELLED_OFF_RAMP', CANCELLED_BY_USER_REASON],
    ]);
  });

  it('sends EXPIRED_OFF_RAMP when an order never executed expires, stamped with its expiry', async () => {
    const { sandbox, endpoint, advance } = await setUp();
    await placeOrder(sandbox);
    advance(DEFAULT_QUOTE_LIFETIME_MS + 30_000);
    await sandbox.deliverWebhooks();
    expect(endpoint.events().at(-1)).toMatchObject({
      event: 'EXPIRED_OFF_RAMP', status: 'EXPIRED', timestamp: new Date(T0 + DEFAULT_QUOTE_LIFETIME_MS).toISOString(),
    });
  });

  it('sends the steps of several ticks in the order they happened', async () => {
    const { sandbox, endpoint, advance } = await setUp([], { statusTickMs: 1_000 });
    await execute(sandbox, (await placeOrder(sandbox)).body.data.id);
    advance(10_000);
    await sandbox.deliverWebhooks();
    expect(endpoint.events().map((event) => event.status)).toEqual([...OFF_RAMP_HAPPY_PATH]);
  });

  it('is sent while the sandbox handles the request, without deliverWebhooks', async () => {
    const { sandbox, endpoint } = await setUp();
    const arrived = endpoint.next();
    await placeOrder(sandbox);
    await arrived;
    expect(endpoint.events().map((event) => event.event)).toEqual(['CREATED_OFF_RAMP']);
  });

  it('lets the partner read the sandbox from inside its webhook handler', async () => {
    const statuses: string[] = [];
    const setup = sandboxAt({
      webhookFetch: async (_url, init) => {
        const event = JSON.parse(String(init.body)) as { transactionId: string };
        const read = await call(setup.sandbox, API_PATHS.transactions, { query: { id: event.transactionId } });
        statuses.push(read.body.data.data[0].status);
        return new Response(null, { status: 204 });
      },
    });
    await call(setup.sandbox, API_PATHS.webhookSettings, { method: 'PUT', body: { url: HOOK_URL } });
    await placeOrder(setup.sandbox);
    await setup.sandbox.deliverWebhooks();
    expect(statuses).toEqual(['PENDING_PAYMENT']);
    expect(setup.sandbox.webhooks()[0]!.state).toBe('delivered');
  });
});

describe('retries', () => {
  const MINUTE = 60_000;
  /** An order executed at once: it does not expire, so its creation is the only event. */
  const executedOrder = async (sandbox: Sandbox) => execute(sandbox, (await placeOrder(sandbox)).body.data.id);

  it('follow the schedule now, 1, 5, 10, 15 min on the sandbox clock while the answer is not 2xx, then stop', async () => {
    const { sandbox, endpoint, advance } = await setUp([500, 500, 503, 404, 500]);
    await executedOrder(sandbox);
    const attempts = async () => {
      await sandbox.deliverWebhooks();
      return endpoint.received.length;
    };
    expect(await attempts()).toBe(1);
    advance(MINUTE - 1);
    expect(await attempts()).toBe(1);
    advance(1);
    expect(await attempts()).toBe(2);
    advance(4 * MINUTE - 1);
    expect(await attempts()).toBe(2);
    advance(1);
    expect(await attempts()).toBe(3);
    advance(5 * MINUTE);
    expect(await attempts()).toBe(4);
    advance(5 * MINUTE);
    expect(await attempts()).toBe(5);
    expect(sandbox.webhooks()[0]!.state).toBe('failed');
    advance(60 * MINUTE);
    expect(await attempts()).toBe(5);
    expect(sandbox.webhooks()[0]!.attempts).toEqual(
      [0, 1, 5, 10, 15].map((minutes, i) => ({ at: new Date(T0 + minutes * MINUTE).toISOString(), status: [500, 500, 503, 404, 500][i] })),
    );
    // Every attempt carries the same body and signature.
    expect(new Set(endpoint.received.map((request) => `${request.body}|${request.headers.get(WEBHOOK_SIGNATURE_HEADER)}`)).size).toBe(1);
  });

  it('stop at the first 2xx', async () => {
    const { sandbox, endpoint, advance } = await setUp([500, 202]);
    await executedOrder(sandbox);
    for (let minute = 0; minute <= 20; minute += 1) {
      await sandbox.deliverWebhooks();
      advance(MINUTE);
    }
    expect(endpoint.received).toHaveLength(2);
    expect(sandbox.webhooks()[0]).toMatchObject({ state: 'delivered', event: 'CREATED_OFF_RAMP' });
  });

  it('count a network failure as a failed attempt', async () => {
    const { sandbox, endpoint, advance } = await setUp([0]);
    await executedOrder(sandbox);
    await sandbox.deliverWebhooks();
    expect(sandbox.webhooks()[0]).toMatchObject({ state: 'pending', attempts: [{ at: new Date(T0).toISOString(), status: null }] });
    advance(MINUTE);
    await sandbox.deliverWebhooks();
    expect(endpoint.received).toHaveLength(2);
    expect(sandbox.webhooks()[0]!.state).toBe('delivered');
  });

  it('are made when the sandbox handles any request once due', async () => {
    const { sandbox, endpoint, advance } = await setUp([500]);
    await executedOrder(sandbox);
    await sandbox.deliverWebhooks();
    advance(MINUTE);
    const retried = endpoint.next();
    await call(sandbox, API_PATHS.mockTestingGuide);
    await retried;
    expect(endpoint.received).toHaveLength(2);
  });
});

describe('KYC events', () => {
  it('VERIFIED_USER when the sandbox verifies a user, REJECTED_KYC when it rejects one', async () => {
    const { sandbox, endpoint } = await setUp();
    sandbox.verifyUser(F.unverifiedUserId);
    sandbox.verifyUser(F.unverifiedUserId); // already verified: no second event
    sandbox.rejectUser(F.otherUserId);
    await sandbox.deliverWebhooks();
    expect(endpoint.events()).toEqual([
      { type: 'KYC', event: 'VERIFIED_USER', externalUserId: F.externalUserIds.unverified, userId: F.unverifiedUserId, kycStatus: 'VERIFIED', timestamp: new Date(T0).toISOString() },
      { type: 'KYC', event: 'REJECTED_KYC', externalUserId: 'partner-user-diego', userId: F.otherUserId, kycStatus: 'REJECTED', timestamp: new Date(T0).toISOString() },
    ]);
    for (const event of endpoint.events()) expect(webhookEventSchema.safeParse(event).success).toBe(true);
  });
});
