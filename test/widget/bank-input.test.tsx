/**
 * A bank field that takes keys before its subscription to the form is in place: on a busy device
 * the commit that shows the field can leave its effects for later, and a key arrives meanwhile.
 */
import { act } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { mx } from '../../src/countries/mx';
import { initialValues, type OffRampFormValues } from '../../src/widget/form';
import { BankInput } from '../../src/widget/parts/BankInput';

const CLABE = mx.fields[0]!;
const CLABE_PATH = `bank.MX.${CLABE.name}` as const;

/** Longer to render than the scheduler's time slice (5 ms), so the effects wait for its next one. */
function SlowToRender() {
  const until = performance.now() + 12;
  while (performance.now() < until);
  return null;
}

/** What a browser does on a key in a text field: the new value, then `input`. */
function typeKey(input: HTMLInputElement, key: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setValue.call(input, input.value + key);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('a bank field', () => {
  it('keeps every key typed before its effects have run, as shown and in the form', async () => {
    const before = environment.IS_REACT_ACT_ENVIRONMENT;
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    cleanups.push(() => {
      root.unmount();
      container.remove();
      environment.IS_REACT_ACT_ENVIRONMENT = before;
    });

    /** The form, and what shows the field: handed out once the form has mounted. */
    const handles: { form?: UseFormReturn<OffRampFormValues>; showField?: (show: boolean) => void } = {};
    let effectsRan = false;
    function EffectsProbe() {
      useEffect(() => {
        effectsRan = true;
      }, []);
      return null;
    }
    function Form() {
      const form = useForm<OffRampFormValues>({ defaultValues: initialValues() });
      const [shown, setShown] = useState(false);
      useEffect(() => {
        handles.form = form;
        handles.showField = setShown;
      }, [form]);
      return (
        <FormProvider {...form}>
          {shown && (
            <>
              <BankInput railId="MX" field={CLABE} values={{}} inputId="clabe" onChanged={() => {}} />
              <EffectsProbe />
              <SlowToRender />
            </>
          )}
        </FormProvider>
      );
    }
    // The form first, settled; then a render as the browser schedules it, not within act(), which
    // would run its effects at once.
    await act(async () => root.render(<Form />));
    environment.IS_REACT_ACT_ENVIRONMENT = false;

    // The field shows in a render of its own, as a step does once its code has loaded, and two
    // keys come as soon as it is in the document, before anything else runs.
    const typed = new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        const input = container.querySelector('input');
        if (!input) return;
        observer.disconnect();
        const early = !effectsRan;
        typeKey(input, '0');
        typeKey(input, '1');
        resolve(early);
      });
      observer.observe(container, { childList: true, subtree: true });
      cleanups.push(() => observer.disconnect());
    });
    handles.showField!(true);
    // The keys came before the commit's effects: the case this test is about.
    expect(await typed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelector('input')).toHaveValue('01');
    expect(handles.form!.getValues(CLABE_PATH)).toBe('01');
  });
});
