/**
 * The steps after the amount, downloaded on demand (see `lazyWithRetry`): a partner's page loads
 * the amount step alone, and each later step is fetched on intent, while the user is still on the
 * step before it.
 */
import { lazyWithRetry } from '../lazy';

export const BankStep = lazyWithRetry(() => import('./BankStep'));
export const ReviewStep = lazyWithRetry(() => import('./ReviewStep'));
export const KycStep = lazyWithRetry(() => import('./KycStep'));
export const SendStep = lazyWithRetry(() => import('./SendStep'));
export const StatusStep = lazyWithRetry(() => import('./StatusStep'));
