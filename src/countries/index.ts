/**
 * The payout rails as data. The rail follows the fiat currency; adding a rail means adding an
 * entry here, a module with its field table, a row in `bankRules.ts` (tsc asks for it), and its
 * messages. A rail's module (with its checks from `validators/`, and the package it needs:
 * clabe-validator for Mexico, ibantools for SEPA) loads only when a user wants that rail, so a
 * partner's page pays for none of them up front.
 */
import type { FiatCurrency } from '../api/chains';
import { BANK_COUNTRIES } from '../api/bankCountries';
import { retryingLoad } from '../widget/lazy';
import type { PayoutRail, RailEntry } from './types';

export type { BankDetailsPath, BankField, BankValues, FieldOption, FieldProblem, PayoutRail, Phrase, RailEntry } from './types';
export { bankProblems, buildBankDetails, fieldProblem, isVisible, visibleFields } from './values';

export const rails = {
  MX: { id: 'MX', fiatCurrency: 'MXN', countries: ['MX'], title: 'bank.rail.MX', payoutTime: 'bank.payoutTime.MX', load: () => import('./mx').then((module) => module.mx) },
  DO: { id: 'DO', fiatCurrency: 'DOP', countries: ['DO'], title: 'bank.rail.DO', payoutTime: 'bank.payoutTime.DO', load: () => import('./do').then((module) => module.do_) },
  US: { id: 'US', fiatCurrency: 'USD', countries: ['US'], title: 'bank.rail.US', payoutTime: 'bank.payoutTime.US', load: () => import('./us').then((module) => module.us) },
  SEPA: { id: 'SEPA', fiatCurrency: 'EUR', countries: BANK_COUNTRIES.sepa, title: 'bank.rail.SEPA', payoutTime: 'bank.payoutTime.SEPA', load: () => import('./sepa').then((module) => module.sepa) },
} as const satisfies { [Id in string]: RailEntry<Id> };

export type RailId = keyof typeof rails;
export const RAIL_IDS = Object.keys(rails) as RailId[];
const entries: RailEntry<RailId>[] = Object.values(rails);

/** The rail that pays out a currency, if the widget has one. */
export const railFor = (currency: string): RailEntry<RailId> | undefined =>
  entries.find((rail) => rail.fiatCurrency === currency);

/** The currencies the widget can pay out: one per rail. */
export const PAYOUT_CURRENCIES: FiatCurrency[] = entries.map((rail) => rail.fiatCurrency);

/** Bank values start empty for every rail; a missing field reads as ''. */
export const emptyBankValues = () =>
  Object.fromEntries(entries.map((rail) => [rail.id, {}])) as Record<RailId, Record<string, string>>;

const loaders = new Map<RailId, () => Promise<PayoutRail>>();
const loaded = new Map<RailId, PayoutRail>();

/**
 * The rail's module, downloaded with retries (see `retryingLoad`): the same promise while it loads
 * and once it has (React's `use` needs that), a new download once a failed one is retried.
 */
export const loadRail = (id: RailId): Promise<PayoutRail> => {
  let load = loaders.get(id);
  if (!load) {
    const keep = <Rail extends PayoutRail | undefined>(rail: Rail) => {
      if (rail) loaded.set(id, rail);
      return rail;
    };
    load = retryingLoad<PayoutRail>(
      () => rails[id].load().then((rail) => keep(rail)),
      // The module imported again under a fresh URL: its rail is the export with the rail's id.
      (module) => keep(Object.values(module).find((value): value is PayoutRail => (value as PayoutRail | null)?.id === id)),
    );
    loaders.set(id, load);
  }
  return load();
};

/** The rail's module if it has loaded. */
export const loadedRail = (id: RailId): PayoutRail | undefined => loaded.get(id);
