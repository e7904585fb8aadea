/**
 * The payout rails as data. The rail follows the fiat currency; adding a rail means adding an
 * entry here, a module with its field table, a row in `bankRules.ts` (tsc asks for it), and its
 * messages. A rail's module (with `validators.ts` and the packages it needs: clabe-validator,
 * ibantools) loads only when a user wants a rail, so a partner's page pays for none of them up front.
 */
import type { FiatCurrency } from '../api/chains';
import { BANK_COUNTRIES } from '../api/contract';
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

const loading = new Map<RailId, Promise<PayoutRail>>();
const loaded = new Map<RailId, PayoutRail>();

/** The rail's module, loaded once; the same promise every time (React's `use` needs that). */
export const loadRail = (id: RailId): Promise<PayoutRail> => {
  let promise = loading.get(id);
  if (!promise) {
    promise = rails[id].load().then((rail) => {
      loaded.set(id, rail);
      return rail;
    });
    loading.set(id, promise);
  }
  return promise;
};

/** The rail's module if it has loaded. */
export const loadedRail = (id: RailId): PayoutRail | undefined => loaded.get(id);
