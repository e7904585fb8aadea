// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseAmount, separatorsOf, typedAmount } from '../../src/widget/form';

describe('amounts in the user’s own notation', () => {
  it.each([
    ['en-US', '1500', 1500],
    ['en-US', '1,500', 1500],
    ['en-US', '1,500.25', 1500.25],
    ['en-US', '.5', 0.5],
    ['es-MX', '1,500', 1500],
    ['es-MX', '20.75', 20.75],
    ['es-ES', '1.500,25', 1500.25],
    ['es-ES', '1,5', 1.5],
    ['de-DE', '12.345', 12345],
  ])('reads %s %s as %d', (locale, typed, amount) => {
    expect(parseAmount(typed, separatorsOf(locale))).toBe(amount);
  });

  it.each([
    ['en-US', '1,50'],
    ['en-US', '1.500,25'],
    ['es-ES', '1,500.25'],
    ['en-US', 'abc'],
    ['en-US', '1..5'],
    ['en-US', ''],
    ['en-US', '1'.repeat(400)],
    ['en-US', '1234567890123456'],
  ])('refuses %s %s rather than guess', (locale, typed) => {
    expect(parseAmount(typed, separatorsOf(locale))).toBeUndefined();
  });

  it('writes an amount back as the user would type it', () => {
    expect(typedAmount(1791.5, separatorsOf('es-ES'))).toBe('1791,5');
    expect(parseAmount(typedAmount(1791.5, separatorsOf('es-ES')), separatorsOf('es-ES'))).toBe(1791.5);
  });
});
