/**
 * The error catalogue (`errorCatalogue.ts`) and the sentences it names download with the first
 * failure that needs them, not at start: a request's failure waits for them before it surfaces
 * (`withErrorCatalogue`), so every render that describes an error finds the catalogue loaded.
 */
import type { ApiErrorName } from '../api/errors';
import { loadAllEnglish } from '../i18n';
import type * as Catalogue from './errorCatalogue';
import { retryingLoad } from './lazy';

let catalogue: typeof Catalogue | undefined;
const keep = (module: typeof Catalogue) => (catalogue = module);

export const loadErrorCatalogue = retryingLoad(
  () => Promise.all([import('./errorCatalogue'), loadAllEnglish()]).then(([module]) => keep(module)),
  (module) => ('describeError' in module ? keep(module as typeof Catalogue) : undefined),
);

/**
 * A request's failure, passed on once the catalogue that describes it has loaded (or could not be);
 * a cancelled request's passes on at once: nothing describes it.
 */
export const withErrorCatalogue = async <T>(request: Promise<T>, signal?: AbortSignal): Promise<T> => {
  try {
    return await request;
  } catch (error) {
    if (!signal?.aborted) await loadErrorCatalogue().catch(() => undefined);
    throw error;
  }
};

/** What an error shows (see `errorCatalogue.ts`); the generic sentence with its code if the catalogue could not be downloaded. */
export const describeError: typeof Catalogue.describeError = (error, i18n, context) => {
  if (catalogue) return catalogue.describeError(error, i18n, context);
  const code = (error as { code?: unknown } | undefined)?.code;
  const shown = typeof code === 'string' ? code : 'UNEXPECTED';
  return { key: 'error.generic', params: { code: shown }, place: 'here', remedy: 'retry', code: shown };
};

/** The range a refusal names (see `errorCatalogue.ts`); none known if the catalogue could not be downloaded. */
export const refusedRange: typeof Catalogue.refusedRange = (error) => catalogue?.refusedRange(error);

/**
 * Whether a failure is the contract's row `name`, by its code. Asked on a failure only, so it waits
 * for the catalogue (which brings the rows) rather than loading the rows at start; false if the
 * catalogue could not be downloaded.
 */
export const isRow = async (error: unknown, name: ApiErrorName): Promise<boolean> => {
  await loadErrorCatalogue().catch(() => undefined);
  return catalogue !== undefined && catalogue.isRow(error, name);
};
