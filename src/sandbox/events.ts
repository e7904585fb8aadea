/**
 * The webhook events the sandbox sends, in the contract's body: `{ type, event, externalUserId,
 * transactionId, … }`, amounts as strings. Only to the URL the partner has set: an event that
 * happens while none is set is not kept (the API replays nothing).
 */
import { FIAT_DECIMALS } from '../api/chains';
import type { KycStatus } from '../api/contract';
import { offRampStatusEvent, WEBHOOK_EVENTS } from '../api/webhooks';
import { isoTime, type SandboxContext } from './context';
import type { OrderRecord, UserRecord } from './store';

/**
 * Assumed format of the amounts (the docs show strings such as "0.260000" and "18.184665"): token
 * amounts and rates with 6 decimals, fiat with the currency's 2, the spread as it is.
 */
const TOKEN_DECIMALS = 6;

/** Assumed: an event goes to the URL set when it happened, and its retries follow it there. */
const notify = (ctx: SandboxContext, partnerId: string, event: { event: string } & Record<string, unknown>) => {
  const partner = ctx.store.partnersById.get(partnerId);
  if (partner?.webhookUrl) ctx.outbox.enqueue(partner.webhookUrl, partner.webhookSecret, event);
};

/** A new order (`CREATED_OFF_RAMP`) or its change to the status it now has. */
export const notifyOrder = (ctx: SandboxContext, order: OrderRecord, change: 'created' | 'status', at: number) => {
  const user = ctx.store.users.get(order.userId);
  notify(ctx, order.partnerId, {
    type: 'TRANSACTION',
    event: change === 'created' ? WEBHOOK_EVENTS.offRamp.created : offRampStatusEvent(order.status),
    externalUserId: user?.externalUserId ?? null,
    transactionId: order.id,
    userId: order.userId,
    transactionType: 'OFF_RAMP',
    status: order.status,
    cryptoAmount: order.cryptoAmount.toFixed(TOKEN_DECIMALS),
    fiatAmount: order.fiatAmount.toFixed(FIAT_DECIMALS),
    exchangeRate: order.exchangeRate.toFixed(TOKEN_DECIMALS),
    premiumSpread: String(order.premiumSpread),
    fiatCurrency: order.fiatCurrency,
    tokenSymbol: order.tokenSymbol,
    blockchainSymbol: order.blockchainSymbol,
    ...(order.cancellationReason === null ? {} : { cancellationReason: order.cancellationReason }),
    // Assumed name: when the change happened (the sandbox's clock).
    timestamp: isoTime(at),
  });
};

const KYC_EVENTS: Partial<Record<KycStatus, string>> = {
  IN_PROGRESS: WEBHOOK_EVENTS.kyc.created,
  VERIFIED: WEBHOOK_EVENTS.kyc.verified,
  REJECTED: WEBHOOK_EVENTS.kyc.rejected,
  REVIEW_NEEDED: WEBHOOK_EVENTS.kyc.reviewNeeded,
};

/** The user's KYC has just become `user.kycStatus`. */
export const notifyKyc = (ctx: SandboxContext, user: UserRecord) => {
  const event = KYC_EVENTS[user.kycStatus];
  if (event === undefined) return;
  notify(ctx, user.partnerId, {
    type: 'KYC',
    event,
    externalUserId: user.externalUserId,
    userId: user.id,
    // Assumed: the docs name the KYC events, not their fields beyond the common ones.
    kycStatus: user.kycStatus,
    timestamp: isoTime(ctx.now()),
  });
};
