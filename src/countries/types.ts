import type { BankDetails } from '../api/schemas';
import type { FiatCurrency } from '../api/chains';
import type { MessageKey, Params } from '../i18n';

/** A sentence of the catalogue with its parameters. */
export interface Phrase {
  key: MessageKey;
  params?: Params;
}

/** A validation failure, in the catalogue's words. */
export type FieldProblem = Phrase;

/** A rail's form values: flat, by field name; a missing field reads as ''. */
export type BankValues = Readonly<Record<string, string>>;

/**
 * One choice of a select. Proper names (bank names, US state names) are the same in every
 * language and come as `text`; translated choices (account types) as a catalogue `label`.
 */
export type FieldOption =
  | { value: string; label: MessageKey; text?: never }
  | { value: string; text: string; label?: never };

/** Where a field's value goes in `userBankInformation`: a top-level key or `object.key`. */
export type BankDetailsPath =
  | Exclude<keyof BankDetails, 'country' | 'accountHolder' | 'address'>
  | `accountHolder.${keyof NonNullable<BankDetails['accountHolder']>}`
  | `address.${Exclude<keyof NonNullable<BankDetails['address']>, 'country'>}`;

/** One input of a payout rail's bank form. */
export interface BankField {
  /** Key in the rail's form values: flat (the form keeps `bank[railId][name]`). */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  /** A free input (default) or a choice among `options`. */
  kind?: 'text' | 'select';
  /** The choices of a select, in the order shown. */
  options?: readonly FieldOption[];
  inputMode: 'numeric' | 'text';
  autoComplete: string;
  /** How many characters the input takes, separators included. */
  maxLength?: number;
  /** The length of a complete value: reaching it checks the field at once, before blur. */
  length?: number;
  /** An empty value is fine, and is not sent. Fields are required otherwise. */
  optional?: boolean;
  /**
   * Whether the field is shown for these values (business name only for a BUSINESS holder).
   * A hidden field is neither checked nor sent. Always shown when absent.
   */
  visibleWhen?: (values: BankValues) => boolean;
  /** What is kept of what the user typed or pasted (spaces out, upper case, …). Idempotent. */
  normalize: (raw: string) => string;
  /** How the kept value is shown while typing (groups of digits, …). */
  display?: (value: string, values?: BankValues) => string;
  /**
   * undefined when the (non-empty, kept) value is good. `values` are the rail's other values, for
   * cross-field checks (a BIC's country against the IBAN's); fields that ignore them take one argument.
   */
  validate: (value: string, values?: BankValues) => FieldProblem | undefined;
  /** Something the number tells, shown under the field (the bank a CLABE belongs to). */
  describe?: (value: string) => Phrase | undefined;
  /** Where the value is sent in `userBankInformation`; a field without one is not sent. */
  sendAs?: BankDetailsPath;
  /** The value as the API wants it (ZIP+4 gets its hyphen back); default: the kept value, trimmed. */
  toApi?: (value: string) => string;
}

/** What the widget knows of a rail before its fields and validators are loaded. */
export interface RailEntry<Id extends string = string> {
  id: Id;
  fiatCurrency: FiatCurrency;
  /** The `country` values its accounts carry (SEPA: every SEPA country). */
  countries: readonly string[];
  title: MessageKey;
  /** When the money reaches the account once the payout starts, in words. */
  payoutTime: MessageKey;
  /** The rail's fields and validators, with the packages they need: loaded when first wanted. */
  load: () => Promise<PayoutRail>;
}

/** A payout rail: the fields a country's bank transfer needs, and how they become the API's object. */
export interface PayoutRail {
  id: string;
  fiatCurrency: FiatCurrency;
  fields: readonly BankField[];
  /** The exact `userBankInformation` the contract asks for: nothing extra, hidden fields left out. */
  toBankDetails: (values: BankValues) => BankDetails;
  /** The account as the review step names it (masked where it is long). */
  summarize: (values: BankValues) => string;
}
