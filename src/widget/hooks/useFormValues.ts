import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { FieldPath, FieldPathValues, UseFormReturn } from 'react-hook-form';
import type { OffRampFormValues } from '../form';

type Form = Pick<UseFormReturn<OffRampFormValues>, 'subscribe' | 'getValues'>;

/**
 * The values of some fields, rendering the caller again when one of them changes: what
 * react-hook-form's `useWatch` does, through the form's own `subscribe`. The library is one module,
 * so each of its hooks the widget uses anywhere (a lazily loaded step's too) ships in the first
 * download of a partner's page; `subscribe` and `register` belong to the form, which ships anyway.
 */
export function useFormValues<const Names extends readonly FieldPath<OffRampFormValues>[]>(
  { subscribe: subscribeToForm, getValues }: Form,
  names: Names,
): FieldPathValues<OffRampFormValues, Names> {
  const fields = names as unknown as FieldPath<OffRampFormValues>[];
  const key = fields.join('\n');
  const subscribe = useCallback(
    (onChange: () => void) => subscribeToForm({ name: key.split('\n') as FieldPath<OffRampFormValues>[], formState: { values: true }, callback: onChange }),
    [subscribeToForm, key],
  );
  // The values as text: a change made before the subscription (a child's effect) is seen too.
  const snapshot = () => JSON.stringify(getValues(fields));
  const text = useSyncExternalStore(subscribe, snapshot, snapshot);
  // A copy, new with each change: the form changes its own objects in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => structuredClone(getValues(fields)), [text, key]) as FieldPathValues<OffRampFormValues, Names>;
}
