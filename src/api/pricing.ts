/**
 * What a quote costs the user, line by line. Assumed (the contract): the partner's `premiumSpread`
 * is applied as `base × (1 − premiumSpread)`, and the API has no other fee on an off-ramp quote.
 */
import { FIAT_DECIMALS } from './chains';
import type { Quote } from './schemas';

export interface PriceBreakdown {
  /** One token in fiat before the partner's fee. */
  baseRate: number;
  /** What the tokens are worth at the base rate. */
  value: number;
  /** The partner's fee as a fraction (0.005 = 0.5 %). */
  feeRate: number;
  /** The partner's fee in fiat: `value − fee` is exactly what reaches the bank. */
  fee: number;
  /** What reaches the bank account: the quote's own `fiatAmount`. */
  received: number;
}

const roundFiat = (amount: number) => Number(amount.toFixed(FIAT_DECIMALS));

/** The quote as value, fee and payout; the fee is the difference, so the lines add up to the cent. */
export const priceBreakdown = (quote: Pick<Quote, 'rate' | 'fiatAmount' | 'premiumSpread'>): PriceBreakdown => {
  const feeRate = quote.premiumSpread ?? 0;
  const value = roundFiat(quote.fiatAmount / (1 - feeRate));
  return {
    baseRate: quote.rate / (1 - feeRate),
    value,
    feeRate,
    fee: roundFiat(value - quote.fiatAmount),
    received: quote.fiatAmount,
  };
};
