/**
 * The one form behind every step: its values and its defaults (its schema is `formSchema.ts`). Field errors carry
 * a catalogue key (and its parameters), never a sentence, so the step can say it in any language.
 */
import { CHAIN_TOKENS, FIAT_CURRENCIES, FIAT_DECIMALS, isSupportedPair, tokenDecimals, type BlockchainSymbol, type FiatCurrency } from '../api/chains';
import { emptyBankValues, PAYOUT_CURRENCIES, type FieldProblem, type RailId } from '../countries';
import { numberFormat } from '../i18n';

export type AmountSide = 'crypto' | 'fiat';

export interface OffRampFormValues {
  /** Which amount the user types: what they send (crypto) or what they receive (fiat). */
  side: AmountSide;
  /** As typed, in the user's notation; parsed by `parseAmount`. */
  amount: string;
  fiatCurrency: FiatCurrency;
  blockchainSymbol: BlockchainSymbol;
  tokenSymbol: string;
  /** Bank details per rail, so switching currency and back keeps what was typed. */
  bank: Record<RailId, Record<string, string>>;
  /** Per rail, the saved account chosen instead of typed details ('' or absent: a new account). */
  savedAccount: Partial<Record<RailId, string>>;
  /** The receiver paid instead of the user ('': the user). */
  receiverId: string;
}

/** What a host may pre-fill. */
export type OffRampDefaultValues = Partial<Omit<OffRampFormValues, 'bank' | 'savedAccount' | 'receiverId'>>;

export const initialValues = (defaults: OffRampDefaultValues = {}, receiverId = ''): OffRampFormValues => ({
  side: 'crypto',
  amount: '',
  fiatCurrency: PAYOUT_CURRENCIES[0] ?? 'MXN',
  // "For faster completion use USDC on POL" (the off-ramp guide).
  blockchainSymbol: 'POL',
  tokenSymbol: 'USDC',
  ...defaults,
  bank: emptyBankValues(),
  savedAccount: Object.fromEntries(Object.keys(emptyBankValues()).map((rail) => [rail, ''])),
  receiverId,
});

export const AMOUNT_FIELDS = ['side', 'amount', 'fiatCurrency', 'blockchainSymbol', 'tokenSymbol'] as const;


const MAX_SIGNIFICANT_DIGITS = 15;
/**
 * Characters the amount input takes: 15 digits with their group and decimal separators, and a
 * currency pasted with them (`US$ `).
 */
export const MAX_AMOUNT_LENGTH = 24;

/** How the user's locale writes numbers: `1,500.50` in en-US and es-MX, `1.500,50` in es-ES. */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

const separatorsByLocale = new Map<string, NumberSeparators>();

/**
 * How `locale` writes numbers, the same object for a locale every time. `Intl` is asked when a
 * separator is first read, not here: a page's first `Intl.NumberFormat` loads the number data and
 * is the slowest step of the widget's start, while the first screen reads no number until one is
 * typed (or pre-filled). `readSeparatorsWhenIdle` asks once the screen is up, before the first key.
 */
export const separatorsOf = (locale: string): NumberSeparators => {
  let separators = separatorsByLocale.get(locale);
  if (!separators) {
    let parts: Intl.NumberFormatPart[] | undefined;
    const part = (type: 'decimal' | 'group') => (parts ??= numberFormat(locale).formatToParts(1234567.5)).find((entry) => entry.type === type)?.value;
    separators = {
      get decimal() {
        return part('decimal') ?? '.';
      },
      get group() {
        return part('group') ?? ',';
      },
    };
    separatorsByLocale.set(locale, separators);
  }
  return separators;
};

/** Reads `separators` once the browser is idle, so the first key typed does not wait for `Intl`; returns a cancel. */
export const readSeparatorsWhenIdle = (separators: NumberSeparators): (() => void) => {
  const read = () => void separators.decimal;
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(read, { timeout: 1_000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(read, 0);
  return () => clearTimeout(handle);
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Codes a pasted amount may carry: every ISO currency, and the tokens sold here (`100 USDC`). Built when first read, not at start. */
let currencyCodes: Set<string> | undefined;
const knownCodes = () =>
  (currencyCodes ??= new Set([
    ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : FIAT_CURRENCIES),
    ...Object.values(CHAIN_TOKENS).flat().map((token) => token.toUpperCase()),
  ]));

/** A sign with the letters some locales put before it (`$`, `MX$`, `US$`, `RD$`, `€`), or a code (`MXN`, `USDC.e`). */
const CURRENCY = String.raw`\p{Lu}{0,3}\p{Sc}|\p{L}+(?:\.\p{L}+)?`;
/** The number, with a currency before or after it, as `Intl` writes it and people paste it. */
const WITH_CURRENCY = new RegExp(String.raw`^(?:(${CURRENCY})\s*)?(.*?)(?:\s*(${CURRENCY}))?$`, 'u');
const isCurrency = (mark: string | undefined) => mark === undefined || /\p{Sc}/u.test(mark) || knownCodes().has(mark.toUpperCase());

export interface ReadAmount {
  value: number;
  /** Digits typed after the decimal separator. */
  fractionDigits: number;
}

/**
 * A typed or pasted amount in the user's own notation: the locale's decimal separator, and its
 * group separator (or a space, as `Intl` writes for many locales) only where it groups thousands:
 * "1,500" is fifteen hundred in en-US, never 1.5. A currency around the number is dropped.
 */
export const readAmount = (raw: string, separators: NumberSeparators): ReadAmount | undefined => {
  const [, before, number = '', after] = WITH_CURRENCY.exec(raw.trim()) ?? [];
  // No digit, no number: said before the separators are read (an empty field asks nothing of `Intl`).
  if (!/\d/.test(number) || !isCurrency(before) || !isCurrency(after)) return undefined;
  const { decimal, group } = separators;
  // Past 15 significant digits a number is no longer exact: refuse rather than round.
  if (number.replace(/\D/g, '').replace(/^0+/, '').length > MAX_SIGNIFICANT_DIGITS) return undefined;
  // One kind of group separator in a number: the locale's, or spaces of any width.
  const text = number.replace(/\s/g, ' ');
  for (const separator of new Set([/\s/.test(group) ? ' ' : group, ' '])) {
    const match = new RegExp(`^(\\d{1,3}(?:${escape(separator)}\\d{3})+|\\d*)(?:${escape(decimal)}(\\d*))?$`).exec(text);
    if (!match) continue;
    const [, whole = '', fraction] = match;
    if (!whole && !fraction) return undefined;
    return { value: Number(`${whole.split(separator).join('') || '0'}.${fraction || '0'}`), fractionDigits: fraction?.length ?? 0 };
  }
  return undefined;
};

export const parseAmount = (raw: string, separators: NumberSeparators): number | undefined => readAmount(raw, separators)?.value;

/** An amount as the user would type it back (no grouping), e.g. when switching between send and receive. */
export const typedAmount = (amount: number, { decimal }: NumberSeparators) => String(amount).replace('.', decimal);

export const amountDecimals = (values: Pick<OffRampFormValues, 'side' | 'tokenSymbol'>) =>
  values.side === 'crypto' ? tokenDecimals(values.tokenSymbol) : FIAT_DECIMALS;

export const checkAmount = (
  values: Pick<OffRampFormValues, 'amount' | 'side' | 'tokenSymbol'>,
  separators: NumberSeparators,
): FieldProblem | undefined => {
  const text = values.amount.trim();
  if (!text) return { key: 'validation.amount.required' };
  const amount = readAmount(text, separators);
  if (amount === undefined) {
    return { key: 'validation.amount.invalid', params: { example: `1${separators.group}500${separators.decimal}50` } };
  }
  if (amount.value <= 0) return { key: 'validation.amount.positive' };
  const decimals = amountDecimals(values);
  if (amount.fractionDigits > decimals) return { key: 'validation.amount.decimals', params: { decimals } };
  return undefined;
};

/** The saved account the order is paid into, if any: a receiver is always paid into typed details. */
export const usesSavedAccount = (values: Pick<OffRampFormValues, 'receiverId' | 'savedAccount'>, rail: RailId): string | undefined =>
  values.receiverId ? undefined : values.savedAccount[rail] || undefined;

/** The quote request the amount step's values stand for, or undefined while they are incomplete. */
export const quoteInputOf = (values: Pick<OffRampFormValues, (typeof AMOUNT_FIELDS)[number]>, separators: NumberSeparators) => {
  const amount = parseAmount(values.amount, separators);
  if (checkAmount(values, separators) !== undefined || amount === undefined) return undefined;
  if (!isSupportedPair(values.blockchainSymbol, values.tokenSymbol)) return undefined;
  return { side: values.side, amount, fiatCurrency: values.fiatCurrency, blockchainSymbol: values.blockchainSymbol, tokenSymbol: values.tokenSymbol };
};

// zod issues carry strings: a problem travels as JSON and is read back by `readProblem`.
export const encodeProblem = (problem: FieldProblem) => JSON.stringify(problem);
export const readProblem = (message: string | undefined): FieldProblem | undefined => {
  if (!message) return undefined;
  try {
    return JSON.parse(message) as FieldProblem;
  } catch {
    return undefined;
  }
};
