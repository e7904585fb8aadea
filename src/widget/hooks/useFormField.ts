import { useCallback, useMemo, useReducer, useSyncExternalStore } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { OffRampFormValues } from '../form';
import { useFormValues } from './useFormValues';

type Form = Pick<UseFormReturn<OffRampFormValues>, 'subscribe' | 'getValues' | 'register' | 'getFieldState'>;

/**
 * A field the component draws itself (a value shown formatted, kept normalized): its value and
 * error, and the handlers that tell the form. What react-hook-form's `useController` does, through
 * the form's own `register` and `subscribe` (see `useFormValues` for why). Focus goes to the element
 * given to `ref`, but the form never writes into it: what it shows is the component's.
 */
export function useFormField(form: Form, name: FieldPath<OffRampFormValues>) {
  const [value] = useFormValues(form, [name]);
  const { subscribe: subscribeToForm, getFieldState, register, getValues } = form;
  const subscribe = useCallback(
    (onChange: () => void) => subscribeToForm({ name, formState: { errors: true }, callback: onChange }),
    [subscribeToForm, name],
  );
  const errorOf = () => {
    const message = getFieldState(name).error?.message;
    return typeof message === 'string' ? message : undefined;
  };
  const error = useSyncExternalStore(subscribe, errorOf, errorOf);
  const registered = register(name);
  // What is typed renders from the field's own handler too, not only through the form's
  // subscription, which starts with the commit's effects: on a busy device keys can come first.
  // A key's render is synchronous, runs those effects first and shows the form's new value before
  // React puts the controlled value back (without it, the old value, under every key).
  const [, showTyped] = useReducer((renders: number) => renders + 1, 0);
  const handlers = useMemo(() => {
    let element: HTMLInputElement | HTMLSelectElement | null = null;
    // The form's handle on the field: it can focus it (an error's `shouldFocus`), nothing more.
    const handle = { focus: () => element?.focus() };
    return {
      ref: (next: HTMLInputElement | HTMLSelectElement | null) => {
        element = next;
        registered.ref(next ? handle : null);
      },
      onChange: (next: string) => {
        void registered.onChange({ target: { name, value: next }, type: 'change' });
        showTyped();
      },
      onBlur: () => registered.onBlur({ target: { name, value: getValues(name) }, type: 'blur' }),
    };
    // `register` hands out new handlers each render that do the same: the field's name is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name]);
  return { value, error, ...handlers };
}
