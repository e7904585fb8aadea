/**
 * Every sentence the user sees, in every language, and number formatting over `Intl`.
 */
import { createContext, useContext } from 'react';
import { tokenDecimals, type FiatCurrency } from '../api/chains';
import { retryingLoad } from '../widget/lazy';
import type { MessageKey, Messages } from './en';
import { startEn } from './start.en';

export type { MessageKey, Messages } from './en';

/**
 * English as far as it has downloaded: the first screen's sentences ship with the widget, the rest
 * download with the later steps (`loadAllEnglish`). Every English translator reads this one object,
 * so the sentences are there for all of them once they arrive; a step that needs them waits for them.
 */
const english = { ...startEn } as Messages;

/** A quote's and its failure's sentences (`quote.en.ts`), downloaded with retries with the code that shows them. */
export const loadQuoteEnglish: () => Promise<Messages> = retryingLoad(
  () => import('./quote.en').then((module) => Object.assign(english, module.quoteEn)),
  (module) => (module.quoteEn ? Object.assign(english, module.quoteEn as Partial<Messages>) : undefined),
);

/** The whole English catalogue, downloaded with retries (a later step waits for it: see `steps/later.ts`). */
export const loadAllEnglish: () => Promise<Messages> = retryingLoad(
  () => import('./en').then((module) => Object.assign(english, module.en)),
  (module) => (module.en ? Object.assign(english, module.en as Messages) : undefined),
);

/**
 * English ships with the widget (it is also the fallback); every other language is loaded when a
 * user reads it, so a partner's page pays for one catalogue, not all of them.
 */
const catalogueLoaders = {
  en: async () => english,
  // Retried (see `retryingLoad`); imported again under a fresh URL, the catalogue is its `es` export.
  es: retryingLoad(() => import('./es').then((module) => module.es), (module) => module.es as Messages | undefined),
} as const satisfies Record<string, () => Promise<Messages>>;
export type Language = keyof typeof catalogueLoaders;
export const LANGUAGES = Object.keys(catalogueLoaders) as Language[];

const loadedCatalogues = new Map<Language, Messages>([['en', english]]);
const loadingCatalogues = new Map<Language, Promise<Messages>>();

/**
 * A language's catalogue, downloaded with retries; the same promise every time (React's `use`
 * needs that). A catalogue that cannot be fetched (offline, a stale deploy) must not break the page,
 * nor hide it while it is fetched again: English answers, and a later ask fetches the catalogue
 * again (once a failed download may be retried, see `retryFailedLoads`) for the renders after it.
 */
export const loadCatalogue = (language: Language): Promise<Messages> => {
  const keep = (messages: Messages) => {
    loadedCatalogues.set(language, messages);
    return messages;
  };
  let promise = loadingCatalogues.get(language);
  if (!promise) {
    promise = catalogueLoaders[language]().then(keep, () => english);
    loadingCatalogues.set(language, promise);
  } else {
    catalogueLoaders[language]().then(keep, () => undefined);
  }
  return promise;
};

/** The catalogue if it has loaded (English always has). */
export const loadedCatalogue = (language: Language): Messages | undefined => loadedCatalogues.get(language);

/** Picks the catalogue for a BCP 47 tag (`es-MX` → es); English when none fits. */
export const languageOf = (locale: string): Language => {
  const base = locale.toLowerCase().split('-')[0] ?? '';
  return (LANGUAGES as string[]).includes(base) ? (base as Language) : 'en';
};

/** The prop, else the browser's language, else English. */
export const resolveLocale = (locale?: string): string => {
  const candidate = locale ?? (typeof navigator === 'undefined' ? undefined : navigator.language);
  try {
    return candidate ? Intl.getCanonicalLocales(candidate)[0] ?? 'en' : 'en';
  } catch {
    return 'en';
  }
};

/**
 * Where each payout currency is paid, as the regional tags of the languages spoken there: a bare
 * language paid in that currency writes numbers as that country does.
 */
const CURRENCY_LOCALES: Record<FiatCurrency, readonly string[]> = {
  MXN: ['es-MX'],
  DOP: ['es-DO'],
  EUR: ['es-ES'],
  USD: ['en-US', 'es-US'],
};

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));

const parseTag = (tag: string): Intl.Locale | undefined => {
  try {
    return new Intl.Locale(tag);
  } catch {
    return undefined;
  }
};

/**
 * The tag numbers are read and written in. A tag with a region is kept as it is. A bare language
 * (`es`) takes the browser's own regional tag of that language (`es-MX` among `navigator.languages`),
 * else the regional tag of the payout currency's country where that language is spoken (`es` paid
 * in DOP: `es-DO`), else stays bare. "1,000" means a thousand to a Mexican user, one to a Spaniard.
 */
export const numberLocale = (locale: string, currency: string, preferred: readonly string[] = browserLanguages()): string => {
  const asked = parseTag(locale);
  if (!asked || asked.region) return locale;
  const sameLanguage = (tag: string) => {
    const candidate = parseTag(tag);
    return candidate?.region !== undefined && candidate.language === asked.language;
  };
  const regional = preferred.find(sameLanguage) ?? CURRENCY_LOCALES[currency as FiatCurrency]?.find(sameLanguage);
  return regional ? new Intl.Locale(regional).toString() : locale;
};

export type Params = Record<string, string | number>;

export interface Translator {
  locale: string;
  language: Language;
  /** The catalogue, for a translator of the same language in another regional tag. */
  messages: Messages;
  t: (key: MessageKey, params?: Params) => string;
  fiat: (amount: number, currency: string) => string;
  token: (amount: number, token: string) => string;
  /** A rate in the fiat currency, with enough decimals to be compared. */
  rate: (rate: number, currency: string) => string;
}

const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * An `Intl.NumberFormat`, kept per locale and options: building one is slow (each amount on screen
 * would build its own on every render), reusing one is not. Locales, currencies and tokens are few.
 */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat => {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
};

/** A translator for a locale with its language's catalogue (see `loadCatalogue`). */
export const createTranslator = (locale: string, messages: Messages = english): Translator => {
  const language = languageOf(locale);
  return {
    locale,
    language,
    messages,
    t: (key, params) => fill(messages[key], params),
    fiat: (amount, currency) => numberFormat(locale, { style: 'currency', currency }).format(amount),
    token: (amount, token) => `${numberFormat(locale, { maximumFractionDigits: tokenDecimals(token) }).format(amount)} ${token}`,
    rate: (rate, currency) => numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(rate),
  };
};

export const I18nContext = createContext<Translator>(createTranslator('en'));
export const useI18n = () => useContext(I18nContext);
