/** Mexico's CLABE, with clabe-validator: loaded with the Mexican rail only (see `./index.ts`). */
import { clabe } from 'clabe-validator';
import type { FieldProblem } from '../types';
import { onlyDigits, valid } from './general';

// ── Mexico: CLABE ───────────────────────────────────────────────────────────────────────────────

export const CLABE_LENGTH = 18;

/**
 * 18 digits and its check digit (weights 3,7,1, mod 10; clabe-validator, which also names the bank).
 * Unknown bank or city codes are not refused: the API checks only the digits, and the library's
 * bank table can lag behind.
 */
export const checkClabe = (value: string): FieldProblem | undefined => {
  if (!onlyDigits(value)) return { key: 'validation.clabe.characters' };
  if (value.length !== CLABE_LENGTH) return { key: 'validation.clabe.length', params: { count: value.length } };
  if (clabe.validate(value).error === 'invalid-checksum') return { key: 'validation.clabe.checksum' };
  return undefined;
};
export const isValidClabe = valid(checkClabe);

/** The bank a CLABE's first three digits name, if clabe-validator knows it. */
export const clabeBank = (value: string): string | undefined => {
  if (value.length < 3 || !onlyDigits(value)) return undefined;
  const bank = clabe.validate(value.slice(0, CLABE_LENGTH).padEnd(CLABE_LENGTH, '0')).bank;
  return bank && bank !== 'N/A' ? bank : undefined;
};
