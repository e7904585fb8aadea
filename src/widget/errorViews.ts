/**
 * The error catalogue (`errorCatalogue.ts`) and the sentences it names download with the first
 * failure that needs them, not at start: a request's failure waits for them before it surfaces
 * (`withErrorCatalogue`), so every render that describes an error finds the catalogue loaded.
 */
import { isOffRampError } from '../api/errors';
import { loadAllEnglish } from '../i18n';
import type * as Catalogue from './errorCatalogue';
import { keptLoad } from './lazy';

const catalogue = keptLoad(
  () => Promise.all([import('./errorCatalogue'), loadAllEnglish()]).then(([module]) => module),
  (module) => ('describeError' in module ? (module as typeof Catalogue) : undefined),
);

export const loadErrorCatalogue = catalogue.load;

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

/**
 * The generic sentence, with the failure's code and its support reference: what a failure shows
 * when no row of the catalogue describes it, or when the catalogue could not be downloaded.
 */
export const genericErrorView = (error: unknown): Catalogue.ErrorView => {
  const code = isOffRampError(error) ? error.code : 'UNEXPECTED';
  const requestId = isOffRampError(error) ? error.requestId : undefined;
  return { key: 'error.generic', params: { code }, place: 'here', remedy: 'retry', code, ...(requestId ? { requestId } : {}) };
};

/** What an error shows (see `errorCatalogue.ts`); the generic view if the catalogue could not be downloaded. */
export const describeError: typeof Catalogue.describeError = (error, i18n, context) =>
  catalogue.loaded()?.describeError(error, i18n, context) ?? genericErrorView(error);

/** The range a refusal names (see `errorCatalogue.ts`); none known if the catalogue could not be downloaded. */
export const refusedRange: typeof Catalogue.refusedRange = (error) => catalogue.loaded()?.refusedRange(error);
