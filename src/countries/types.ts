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

/** One input of a payout rail's bank form. */
export interface BankField {
  /** Key in the rail's form values. */
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  inputMode: 'numeric' | 'text';
  autoComplete: string;
  /** How many characters the input takes, separators included. */
  maxLength?: number;
  /** The length of a complete value: reaching it checks the field at once, before blur. */
  length?: number;
  /** What is kept of what the user typed or pasted (spaces out, upper case, …). */
  normalize: (raw: string) => string;
  /** How the kept value is shown while typing (groups of digits, …). */
  display?: (value: string) => string;
  /** undefined when the value is good. */
  validate: (value: string) => FieldProblem | undefined;
  /** Something the number tells, shown under the field (the bank a CLABE belongs to). */
  describe?: (value: string) => Phrase | undefined;
}

/** What the widget knows of a rail before its fields and validators are loaded. */
export interface RailEntry<Id extends string = string> {
  id: Id;
  fiatCurrency: FiatCurrency;
  title: MessageKey;
  /** The rail's fields and validators, with the packages they need: loaded when first wanted. */
  load: () => Promise<PayoutRail>;
}

/** A payout rail: the fields a country's bank transfer needs, and how they become the API's object. */
export interface PayoutRail {
  id: string;
  fiatCurrency: FiatCurrency;
  fields: readonly BankField[];
  /** The exact `userBankInformation` the contract asks for. */
  toBankDetails: (values: Readonly<Record<string, string>>) => BankDetails;
  /** The account as the review step names it (masked where it is long). */
  summarize: (values: Readonly<Record<string, string>>) => string;
}
