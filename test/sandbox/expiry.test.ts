// @vitest-environment node
/**
 * Orders never executed expire with their quote (without one: at creation plus the quote
 * lifetime), on the sandbox's clock, as reads, execute and cancel see it.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS, CANCELLED_BY_USER_REASON, DEFAULT_QUOTE_LIFETIME_MS } from '../../src/api/contract';
import { API_ERRORS } from '../../src/api/errors';
import { call, execute, expectRow, lockQuote, orderBody, placeOrder, poll, sandboxAt, withoutAsset } from './helpers';

const cancel = (sandbox: Parameters<typeof call>[0], id: string) => call(sandbox, API_PATHS.cancel(id), { method: 'PUT' });

describe('an order without a quote', () => {
  it('waits until its creation plus the quote lifetime, then reads EXPIRED', async () => {
    const { sandbox, advance } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    advance(DEFAULT_QUOTE_LIFETIME_MS - 1);
    expect((await poll(sandbox, order.id)).status).toBe('PENDING_PAYMENT');
    advance(1);
    expect((await poll(sandbox, order.id)).status).toBe('EXPIRED');
    expect(sandbox.orders()[0]).toMatchObject({ status: 'EXPIRED', completedAt: null });
    expect(sandbox.orders()[0]).not.toHaveProperty('cancellationReason');
  });

  it('takes the lifetime in force when it was made', async () => {
    const { sandbox, advance } = sandboxAt({ quoteLifetimeMs: 30_000 });
    const early = (await placeOrder(sandbox)).body.data;
    sandbox.configure({ quoteLifetimeMs: DEFAULT_QUOTE_LIFETIME_MS });
    const late = (await placeOrder(sandbox)).body.data;
    advance(30_000);
    expect((await poll(sandbox, early.id)).status).toBe('EXPIRED');
    expect((await poll(sandbox, late.id)).status).toBe('PENDING_PAYMENT');
  });
});

describe('an order with a locked quote', () => {
  it("expires at the quote's expiresAt, not a full lifetime after the order", async () => {
    const { sandbox, advance } = sandboxAt();
    const quote = (await lockQuote(sandbox)).body.data;
    advance(DEFAULT_QUOTE_LIFETIME_MS - 60_000);
    const order = (await placeOrder(sandbox, withoutAsset({ ...orderBody(), quoteId: quote.quoteId }))).body.data;
    advance(59_999);
    expect((await poll(sandbox, order.id)).status).toBe('PENDING_PAYMENT');
    advance(1);
    expect((await poll(sandbox, order.id)).status).toBe('EXPIRED');
  });
});

describe('an expired order', () => {
  const expired = async () => {
    const setup = sandboxAt();
    const order = (await placeOrder(setup.sandbox)).body.data;
    setup.advance(DEFAULT_QUOTE_LIFETIME_MS);
    return { ...setup, order };
  };

  it('is answered EXPIRED by execute, without an error, and does not walk', async () => {
    const { sandbox, order } = await expired();
    const answer = await execute(sandbox, order.id);
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({ id: order.id, status: 'EXPIRED' });
    expect((await poll(sandbox, order.id)).status).toBe('EXPIRED');
  });

  it('cannot be cancelled: 400 "Invalid transaction state transition"', async () => {
    const { sandbox, order } = await expired();
    expectRow(await cancel(sandbox, order.id), API_ERRORS.invalidStateTransition);
    expect(sandbox.orders()[0]!.status).toBe('EXPIRED');
  });

  it('is filtered by status=EXPIRED', async () => {
    const { sandbox } = await expired();
    expect((await call(sandbox, API_PATHS.transactions, { query: { status: 'EXPIRED' } })).body.data.count).toBe(1);
  });
});

describe('orders that do not expire', () => {
  it('an executed order keeps walking past the quote lifetime', async () => {
    const { sandbox, advance } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    await execute(sandbox, order.id);
    advance(DEFAULT_QUOTE_LIFETIME_MS * 10);
    expect((await poll(sandbox, order.id)).status).toBe('CRYPTO_RECEIVED');
  });

  it('a cancelled order stays cancelled, with its reason', async () => {
    const { sandbox, advance } = sandboxAt();
    const order = (await placeOrder(sandbox)).body.data;
    await cancel(sandbox, order.id);
    advance(DEFAULT_QUOTE_LIFETIME_MS);
    expect(await poll(sandbox, order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: CANCELLED_BY_USER_REASON });
  });
});
