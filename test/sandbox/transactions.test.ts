// @vitest-environment node
/** The status walk (per poll and per tick), staging amounts, execute, cancel and the list's filters. */
import { describe, expect, it } from 'vitest';
import { API_PATHS, CANCELLED_BY_USER_REASON, OFF_RAMP_HAPPY_PATH, STAGING_TEST_AMOUNTS } from '../../src/api/contract';
import { orderSchema, successEnvelope } from '../../src/api/schemas';
import * as z from 'zod/mini';
import { call, execute, F, lockQuote, placeOrder, poll, sandboxAt, usBank, walk } from './helpers';
import type { Sandbox } from '../../src/sandbox';

const usdOrder = { fiatCurrency: 'USD', userBankInformation: usBank };

describe('GET /transactions polls', () => {
  it('leave an order waiting for its crypto, however often it is read, until execute', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    for (let i = 0; i < 3; i += 1) expect((await poll(sandbox, order.id)).status).toBe('PENDING_PAYMENT');
    expect((await call(sandbox, API_PATHS.cancel(order.id), { method: 'PUT' })).status).toBe(200);
  });

  it('walk a new order along the happy path, one step per poll, to COMPLETED with completedAt', async () => {
    const { sandbox, advance } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    advance(1_000);
    const { seen, last } = await walk(sandbox, order);
    expect(seen).toEqual([...OFF_RAMP_HAPPY_PATH]);
    expect(last.completedAt).toBe(new Date(Date.parse(order.createdAt) + 1_000).toISOString());
    expect(last).not.toHaveProperty('cancellationReason');
  });

  it('answer {count, data} of transactions that parse as orders and carry type and invoice, and no cancellationReason before a cancel', async () => {
    const { sandbox } = sandboxAt();
    await placeOrder(sandbox);
    const answer = await call(sandbox, API_PATHS.transactions);
    const list = successEnvelope(z.object({ count: z.number(), data: z.array(orderSchema) })).parse(answer.body).data;
    expect(list.count).toBe(1);
    expect(answer.body.data.data[0]).toMatchObject({ type: 'OFF_RAMP', invoice: { transactionHash: null, paymentUrl: null } });
    expect(answer.body.data.data[0]).not.toHaveProperty('cancellationReason');
  });
});

describe('GET /transactions/mock-testing-guide', () => {
  it('lists the staging amounts the sandbox honours', async () => {
    const { sandbox } = sandboxAt();
    const answer = await call(sandbox, API_PATHS.mockTestingGuide);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ enabled: true, onRampRules: [] });
    expect(answer.body.data.offRampRules).toEqual(
      Object.entries(STAGING_TEST_AMOUNTS).map(([cryptoAmount, rule]) => ({ cryptoAmount: Number(cryptoAmount), ...rule })),
    );
  });
});

describe('statusTickMs', () => {
  it('advances orders by the clock too, one status per tick', async () => {
    const { sandbox, advance } = sandboxAt({ statusTickMs: 10_000 });
    const order = (await placeOrder(sandbox)).body.data;
    advance(60_000);
    expect(sandbox.orders()[0]!.status).toBe('PENDING_PAYMENT'); // no crypto sent yet
    await execute(sandbox, order.id);
    advance(25_000);
    expect(sandbox.orders()[0]!.status).toBe(OFF_RAMP_HAPPY_PATH[2]);
    advance(60_000);
    expect(sandbox.orders()[0]!.status).toBe('COMPLETED');
  });

  it('leaves executed orders still without ticks (until read)', async () => {
    const { sandbox, advance } = sandboxAt();
    await execute(sandbox, (await placeOrder(sandbox)).body.data.id);
    advance(3_600_000);
    expect(sandbox.orders()[0]!.status).toBe('PENDING_PAYMENT');
  });
});

describe('POST /off-ramp/execute', () => {
  const hash = `0x${'9c'.repeat(32)}`;

  it('answers 201 PENDING for a waiting order and records the transfer hash', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    const answer = await call(sandbox, API_PATHS.execute, { method: 'POST', body: { transactionId: order.id, transactionHash: hash } });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({ id: order.id, status: 'PENDING' });
    expect(sandbox.orders()[0]!.invoice.transactionHash).toBe(hash);
  });

  it('accepts a base58 signature on SOL', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox, { blockchainSymbol: 'SOL' })).body.data;
    const signature = '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW';
    expect((await call(sandbox, API_PATHS.execute, { method: 'POST', body: { transactionId: order.id, transactionHash: signature } })).status).toBe(201);
  });

  it('answers with the current status, no error, once the order is past waiting', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    await execute(sandbox, order.id);
    for (let i = 0; i < 2; i += 1) await poll(sandbox, order.id);
    const answer = await execute(sandbox, order.id);
    expect(answer.body.data).toEqual({ id: order.id, status: OFF_RAMP_HAPPY_PATH[2] });
  });
});

describe('PUT /transactions/{id}/cancel', () => {
  it('cancels a waiting order with the user-cancel reason, and succeeds again on a cancelled one', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const answer = await call(sandbox, API_PATHS.cancel(order.id), { method: 'PUT', query: { userId: F.verifiedUserId } });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ id: order.id, userId: F.verifiedUserId, status: 'CANCELLED' });
    }
    const after = await poll(sandbox, order.id);
    expect(after).toMatchObject({ status: 'CANCELLED', cancellationReason: CANCELLED_BY_USER_REASON });
  });

  it('cancels an order that ended CRYPTO_NOT_RECEIVED', async () => {
    const { sandbox } = sandboxAt();
    const order = (await placeOrder(sandbox, { cryptoAmount: 1.03 })).body.data;
    await walk(sandbox, order);
    expect((await call(sandbox, API_PATHS.cancel(order.id), { method: 'PUT' })).body.data.status).toBe('CANCELLED');
  });
});

describe('GET /transactions filters', () => {
  const setUp = async () => {
    const { sandbox, advance } = sandboxAt();
    const ids: string[] = [];
    for (const overrides of [{}, { cryptoAmount: 300 }, { userId: F.otherUserId }, { ...usdOrder, cryptoAmount: 50 }]) {
      ids.push((await placeOrder(sandbox, overrides)).body.data.id);
      await execute(sandbox, ids.at(-1)!);
      advance(1_000);
    }
    await lockQuote(sandbox, {}, F.otherPartnerApiKey);
    return { sandbox, ids };
  };
  const list = async (sandbox: Sandbox, query: Record<string, string | number>) =>
    (await call(sandbox, API_PATHS.transactions, { query })).body.data as { count: number; data: { id: string; status: string }[] };

  it('filters by id, userId, fiatCurrency and type', async () => {
    const { sandbox, ids } = await setUp();
    expect((await list(sandbox, { id: ids[1]! })).data.map((t) => t.id)).toEqual([ids[1]]);
    expect((await list(sandbox, { userId: F.otherUserId })).data.map((t) => t.id)).toEqual([ids[2]]);
    expect((await list(sandbox, { fiatCurrency: 'USD' })).data.map((t) => t.id)).toEqual([ids[3]]);
    expect((await list(sandbox, { type: 'ON_RAMP' })).count).toBe(0);
    expect((await list(sandbox, { type: 'OFF_RAMP' })).count).toBe(4);
  });

  it('filters by status after the poll has moved the orders', async () => {
    const { sandbox } = await setUp();
    expect((await list(sandbox, { status: 'PENDING_PAYMENT' })).count).toBe(0);
    expect((await list(sandbox, { status: OFF_RAMP_HAPPY_PATH[2] })).count).toBe(4);
  });

  it('sorts newest first by default, and pages with skip and limit', async () => {
    const { sandbox, ids } = await setUp();
    expect((await list(sandbox, {})).data.map((t) => t.id)).toEqual([...ids].reverse());
    expect((await list(sandbox, { sortBy: 'createdAt', sortOrder: 'ASC', skip: 1, limit: 2 })).data.map((t) => t.id)).toEqual(ids.slice(1, 3));
    expect((await list(sandbox, { limit: 1 })).count).toBe(4);
  });

  it("lists only the partner's own transactions", async () => {
    const { sandbox } = await setUp();
    const answer = await call(sandbox, API_PATHS.transactions, { key: F.otherPartnerApiKey });
    expect(answer.body.data).toEqual({ count: 0, data: [] });
  });
});
