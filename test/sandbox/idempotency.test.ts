// @vitest-environment node
/** `Idempotency-Key` on POST /off-ramp: scope (userId, key); replay, mismatch, in flight, failures forgotten. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AMOUNT_LIMITS, HEADERS, IDEMPOTENCY_TTL_MS } from '../../src/api/contract';
import { API_ERRORS, withRange } from '../../src/api/errors';
import { expectRow, F, orderBody, placeOrder, sandboxAt } from './helpers';

const KEY = { [HEADERS.idempotencyKey]: '6f1c0b9e-2d4a-4f8b-9c3e-7a5d1e0f2b48' };

describe('Idempotency-Key', () => {
  it('replays the original answer and status for the same key and body, without a second order', async () => {
    const { sandbox, advance } = sandboxAt();
    const first = await placeOrder(sandbox, {}, KEY);
    advance(60_000);
    const again = await placeOrder(sandbox, {}, KEY);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(sandbox.orders()).toHaveLength(1);
  });

  it('treats the same body in another key order or spacing as the same body', async () => {
    const { sandbox } = sandboxAt();
    const first = await placeOrder(sandbox, {}, KEY);
    const reordered = Object.fromEntries(Object.entries(orderBody()).reverse());
    const again = await placeOrder(sandbox, reordered, KEY);
    expect(again.body).toEqual(first.body);
    expect(sandbox.orders()).toHaveLength(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_MISMATCH for the same key with another body', async () => {
    const { sandbox } = sandboxAt();
    await placeOrder(sandbox, {}, KEY);
    expectRow(await placeOrder(sandbox, { cryptoAmount: 200 }, KEY), API_ERRORS.idempotencyKeyMismatch);
    expect(sandbox.orders()).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_REQUEST_IN_PROGRESS while the first request is still being processed', async () => {
    const { sandbox } = sandboxAt({ latencyMs: 50 });
    const first = placeOrder(sandbox, {}, KEY);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expectRow(await placeOrder(sandbox, {}, KEY), API_ERRORS.idempotencyInProgress);
    expect((await first).status).toBe(201);
    expect((await placeOrder(sandbox, {}, KEY)).body).toEqual((await first).body);
  });

  it('processes afresh a key whose first attempt failed', async () => {
    const { sandbox } = sandboxAt();
    expectRow(await placeOrder(sandbox, { cryptoAmount: 0.5 }, KEY), withRange(API_ERRORS.tokenAmountOutOfRange, DEFAULT_AMOUNT_LIMITS.crypto, 6));
    expect((await placeOrder(sandbox, {}, KEY)).status).toBe(201);
    expect(sandbox.orders()).toHaveLength(1);
  });

  it('scopes the key to the user: another user with the same key gets an order of their own', async () => {
    const { sandbox } = sandboxAt();
    const mine = await placeOrder(sandbox, {}, KEY);
    const theirs = await placeOrder(sandbox, { userId: F.otherUserId }, KEY);
    expect(theirs.status).toBe(201);
    expect(theirs.body.data.id).not.toBe(mine.body.data.id);
  });

  it('forgets a key after 48 hours', async () => {
    const { sandbox, advance } = sandboxAt();
    await placeOrder(sandbox, {}, KEY);
    advance(IDEMPOTENCY_TTL_MS);
    expect((await placeOrder(sandbox, { cryptoAmount: 200 }, KEY)).status).toBe(201);
    expect(sandbox.orders()).toHaveLength(2);
  });

  it('refuses a key outside 16–128 printable ASCII', async () => {
    const { sandbox } = sandboxAt();
    expectRow(await placeOrder(sandbox, {}, { [HEADERS.idempotencyKey]: 'short' }), API_ERRORS.invalidUserInput);
  });

  it('makes every request without a key a new order', async () => {
    const { sandbox } = sandboxAt();
    await placeOrder(sandbox);
    await placeOrder(sandbox);
    expect(sandbox.orders()).toHaveLength(2);
  });
});
