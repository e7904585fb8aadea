/**
 * The steps after the amount, downloaded on demand (see `lazyWithRetry`): a partner's page loads
 * the amount step alone, and each later step is fetched on intent, while the user is still on the
 * step before it.
 */
import { loadAllEnglish } from '../../i18n';
import { lazyWithRetry } from '../lazy';

/** A step's code with the English sentences it shows (the first screen ships with its own alone). */
const withSentences =
  <Module>(load: () => Promise<Module>) =>
  () =>
    Promise.all([load(), loadAllEnglish()]).then(([module]) => module);

export const BankStep = lazyWithRetry(withSentences(() => import('./BankStep')));
export const ReviewStep = lazyWithRetry(withSentences(() => import('./ReviewStep')));
export const KycStep = lazyWithRetry(withSentences(() => import('./KycStep')));
export const SendStep = lazyWithRetry(withSentences(() => import('./SendStep')));
export const StatusStep = lazyWithRetry(withSentences(() => import('./StatusStep')));
