// @vitest-environment node
/** The one reader of JSON the widget did not write (a stored order, the KYC answer, an embed's event). */
import { describe, expect, it } from 'vitest';
import { readFields } from '../../src/api/fields';

const KINDS = { id: 'string', amount: 'number', done: 'boolean', note: 'string?' } as const;

describe('readFields', () => {
  it('keeps the named fields of their kinds and drops the others', () => {
    expect(readFields({ id: 'a', amount: 1.5, done: false, extra: 'x' }, KINDS)).toEqual({ id: 'a', amount: 1.5, done: false });
    expect(readFields({ id: 'a', amount: 1.5, done: false, note: 'n' }, KINDS)).toEqual({ id: 'a', amount: 1.5, done: false, note: 'n' });
  });

  it('refuses a missing field, a field of another kind, and a number that is not finite', () => {
    expect(readFields({ amount: 1, done: true }, KINDS)).toBeUndefined();
    expect(readFields({ id: 'a', amount: '1', done: true }, KINDS)).toBeUndefined();
    expect(readFields({ id: 'a', amount: 1, done: true, note: 3 }, KINDS)).toBeUndefined();
    for (const amount of [Number.NaN, Number.POSITIVE_INFINITY]) expect(readFields({ id: 'a', amount, done: true }, KINDS)).toBeUndefined();
  });

  it('refuses what is not an object', () => {
    for (const value of [null, undefined, 'text', 3, [{ id: 'a', amount: 1, done: true }]]) expect(readFields(value, KINDS)).toBeUndefined();
  });

  it('when exact, refuses a field it does not name', () => {
    expect(readFields({ id: 'a', amount: 1, done: true }, KINDS, true)).toEqual({ id: 'a', amount: 1, done: true });
    expect(readFields({ id: 'a', amount: 1, done: true, extra: 'x' }, KINDS, true)).toBeUndefined();
  });
});
