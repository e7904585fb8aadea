/**
 * What every rail does with its fields: which are shown, which are wrong, and the API object they
 * make. Small and free of validator packages, so the widget's main bundle can use it.
 */
import type { BankDetails } from '../api/schemas';
import type { BankField, BankValues, FieldProblem, PayoutRail } from './types';

export const isVisible = (field: BankField, values: BankValues): boolean => field.visibleWhen?.(values) ?? true;

/** The fields the user sees for these values, in order. */
export const visibleFields = (rail: Pick<PayoutRail, 'fields'>, values: BankValues): BankField[] =>
  rail.fields.filter((field) => isVisible(field, values));

/** One field's problem: a required field left empty, or what its validator says. Hidden fields have none. */
export const fieldProblem = (field: BankField, values: BankValues): FieldProblem | undefined => {
  if (!isVisible(field, values)) return undefined;
  const value = values[field.name] ?? '';
  if (value.trim() === '') return field.optional ? undefined : { key: 'validation.required' };
  return field.validate(value, values);
};

/** Every problem of a rail's values, by field name; empty when they can be sent. */
export const bankProblems = (rail: Pick<PayoutRail, 'fields'>, values: BankValues): Record<string, FieldProblem> => {
  const problems: Record<string, FieldProblem> = {};
  for (const field of rail.fields) {
    const problem = fieldProblem(field, values);
    if (problem) problems[field.name] = problem;
  }
  return problems;
};

/** What a rail sends whatever the user typed: its country, and parts of the objects (`address.country`). */
export type FixedDetails = { country: string } & {
  [Key in Exclude<keyof BankDetails, 'country'>]?: Key extends 'accountHolder' | 'address'
    ? Partial<NonNullable<BankDetails[Key]>>
    : BankDetails[Key];
};

/**
 * The sent fields' values placed where `sendAs` says (`accountHolder.firstName` goes into the
 * `accountHolder` object), merged over the rail's fixed parts. Hidden fields and empty optional
 * ones are left out.
 */
export const buildBankDetails = (
  fields: readonly BankField[],
  values: BankValues,
  fixed: FixedDetails,
): BankDetails => {
  const details: Record<string, unknown> = { ...fixed };
  for (const field of fields) {
    if (!field.sendAs || !isVisible(field, values)) continue;
    const kept = field.normalize(values[field.name] ?? '').trim();
    if (kept === '') continue;
    const value = field.toApi ? field.toApi(kept) : kept;
    const [head, key] = field.sendAs.split('.') as [string, string | undefined];
    if (key === undefined) {
      details[head] = value;
    } else {
      details[head] = { ...(details[head] as Record<string, unknown> | undefined), [key]: value };
    }
  }
  return details as BankDetails;
};
