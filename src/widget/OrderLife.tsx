/**
 * The order's life (`useOrder`) as a component that renders nothing: downloaded on intent, with
 * the steps that need it (see `steps/later.ts`), and kept mounted once it is, so an order outlives
 * the steps it moves between. It hands the widget each new state of the order before the browser
 * paints; it renders again only when the order changes, not with every render of the widget.
 * Beside it, what the widget does with an order: the request Confirm sends, where a refusal takes
 * the user, and where starting over begins.
 */
import { memo, useLayoutEffect } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { OrderBody } from '../api/schemas';
import { loadedRail, railFor } from '../countries';
import { isOffRampError, type OffRampError } from '../api/errors';
import type { Translator } from '../i18n';
import type { ErrorView, RefusedRange } from './errorCatalogue';
import { describeError, refusedRange } from './errorViews';
import { encodeProblem, usesSavedAccount, type OffRampFormValues } from './form';
import { useOrder, type OrderLife, type UseOrderOptions } from './hooks/useOrder';
import type { LockedQuote } from './hooks/useQuote';
import type { OffRampStep } from './types';

export interface OrderHostProps {
  /** The widget's latest options, read when needed (see `useOrder`). */
  options: { readonly current: UseOrderOptions };
  onChange: (order: OrderLife) => void;
}

export const OrderHost = memo(function OrderHost({ options, onChange }: OrderHostProps) {
  const order = useOrder(options);
  useLayoutEffect(() => onChange(order));
  return null;
});

/** What the widget lets the order's routing do: move between steps, show an error, the verification screen. */
export interface CheckoutMoves {
  form: UseFormReturn<OffRampFormValues>;
  /** The widget's language and number format, which the error is described in. */
  i18n: Translator;
  /** Shows `step`; with `field`, focuses that field once the step shows it. */
  go: (step: OffRampStep, field?: FieldPath<OffRampFormValues>) => void;
  setOrderError: (view: ErrorView | undefined) => void;
  showKyc: () => void;
  renewOnReview: () => void;
  /** Keeps a range the API refused the amount with, for the session. */
  learnRange: (range: RefusedRange) => void;
  onError?: ((error: OffRampError) => void) | undefined;
}

/** Sends an order's error where it belongs: a field, a step, the verification screen, or the review step's alert. */
export function routeOrderError(error: unknown, { form, i18n, go, setOrderError, showKyc, renewOnReview, learnRange, onError }: CheckoutMoves) {
  const view = describeError(error, i18n, { operation: 'order', ...form.getValues() });
  const range = refusedRange(error);
  if (range) learnRange(range);
  if (isOffRampError(error)) onError?.(error);
  const message = encodeProblem({ key: view.key, ...(view.params ? { params: view.params } : {}) });
  const onField = (step: OffRampStep, field: FieldPath<OffRampFormValues> | undefined) => {
    if (field) form.setError(field, { type: 'server', message });
    setOrderError(undefined);
    go(step, field);
  };
  switch (view.place) {
    case 'amount':
    case 'tokenSymbol':
    case 'fiatCurrency':
      return onField('amount', view.place);
    case 'bank': {
      const values = form.getValues();
      const entry = railFor(values.fiatCurrency);
      const field = entry && loadedRail(entry.id)?.fields[0];
      // On the saved account that was refused, else on the first of the typed details.
      const name = entry && (usesSavedAccount(values, entry.id) ? `savedAccount.${entry.id}` : field && `bank.${entry.id}.${field.name}`);
      return onField('bank', (name || undefined) as FieldPath<OffRampFormValues> | undefined);
    }
    case 'kyc':
      // The partner's KYC flow starts when the user asks for it on that screen, not by surprise.
      return showKyc();
    default:
      if (view.remedy === 'renew') renewOnReview();
      setOrderError(view);
  }
}

/** The order the form's values stand for, on `quote`; undefined without a rail's code or a firm quote. */
export function orderRequest(values: OffRampFormValues, quote: LockedQuote | undefined): { body: OrderBody; quote: LockedQuote } | undefined {
  const entry = railFor(values.fiatCurrency);
  const rail = entry && loadedRail(entry.id);
  if (!quote || !entry || !rail) return undefined;
  const saved = usesSavedAccount(values, entry.id);
  const body: OrderBody = {
    quoteId: quote.quote.quoteId,
    ...(saved ? { userBankInformationId: saved } : { userBankInformation: rail.toBankDetails(values.bank[entry.id]) }),
    ...(values.receiverId ? { receiverId: values.receiverId } : {}),
  };
  return { body, quote };
}

/**
 * Where a new checkout starts after an order that cannot be paid: the review step, with the bank
 * details typed this session and a new quote for the same amount, when both are there.
 */
export function startOverStep(values: OffRampFormValues, quoted: boolean): OffRampStep {
  const entry = railFor(values.fiatCurrency);
  const hasBankDetails = entry !== undefined && (usesSavedAccount(values, entry.id) !== undefined || Object.values(values.bank[entry.id] ?? {}).some(Boolean));
  return hasBankDetails && quoted ? 'review' : 'amount';
}
