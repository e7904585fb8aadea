/**
 * Reading JSON the widget did not write (an order kept in sessionStorage, the proxy's KYC answer,
 * an embed page's message) without a schema library: these are read at start, or by the embed's
 * loader, before anything downloads.
 */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Kind = 'string' | 'number' | 'boolean';
/** What `typeof` must say of a field, with `?` when it may be absent. */
export type FieldKind = Kind | `${Kind}?`;

/**
 * The fields of `value` that `kinds` names, each of its kind (a number a finite one: JSON cannot
 * write NaN, but a hand-edited entry can say anything), others dropped; undefined when `value` is
 * not an object, a field is missing or of another kind, or (`exact`) it has a field `kinds` does
 * not name.
 */
export function readFields(value: unknown, kinds: Readonly<Record<string, FieldKind>>, exact = false): Record<string, unknown> | undefined {
  if (!isRecord(value) || (exact && Object.keys(value).some((name) => !Object.hasOwn(kinds, name)))) return undefined;
  const fields: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const field = value[name];
    if (field === undefined && kind.endsWith('?')) continue;
    if (typeof field !== kind.replace('?', '') || (typeof field === 'number' && !Number.isFinite(field))) return undefined;
    fields[name] = field;
  }
  return fields;
}
