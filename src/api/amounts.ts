import { tokenDecimals } from './chains';

/**
 * Assumed (the docs disagree on which amount a locked OFF_RAMP quote takes): a fiat amount becomes
 * `ceil(fiat / rate)` tokens at the token's precision, so the user never receives less than asked.
 */
export const cryptoAmountFor = (fiatAmount: number, rate: number, token: string): number => {
  if (!(rate > 0)) throw new RangeError(`A rate must be above zero, not ${rate}`);
  const decimals = tokenDecimals(token);
  const [fiat, price] = [exactDecimal(fiatAmount), exactDecimal(rate)];
  // Integer division in the token's base units, so binary noise can neither add a unit nor lose one.
  const numerator = fiat.digits * 10n ** BigInt(price.scale + decimals);
  const denominator = price.digits * 10n ** BigInt(fiat.scale);
  return Number((numerator + denominator - 1n) / denominator) / 10 ** decimals;
};

/** A number as the decimal it is written as (1.005 is 1005 × 10⁻³), not as its binary value. */
const exactDecimal = (value: number): { digits: bigint; scale: number } => {
  const [mantissa = '', exponent = '0'] = String(value).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
};
