import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { cryptoAmountFor } from '../../api/amounts';
import type { ProxyClient } from '../../api/client';
import { isRow } from '../../api/errors';
import type { Quote } from '../../api/schemas';
import { withErrorCatalogue } from '../errorViews';
import type { AmountSide } from '../form';
import { QUOTE_ATTEMPTS, retryDelay, retryWhile } from '../retry';
import { useProxyClient } from './useProxyClient';

type QuoteCalls = Pick<ProxyClient, 'estimate' | 'lockQuote'>;

export interface QuoteInput {
  side: AmountSide;
  amount: number;
  fiatCurrency: string;
  blockchainSymbol: string;
  tokenSymbol: string;
}

export interface LockedQuote {
  quote: Quote;
  /** Server clock minus browser clock, for the countdown. */
  clockSkewMs: number;
}

/**
 * A fiat amount's rate, from an estimate. The docs disagree on whether an OFF_RAMP estimate takes
 * `fiatAmount`; if it is refused as input, the rate of one token is as good.
 */
const estimateRate = async (client: QuoteCalls, input: QuoteInput, signal: AbortSignal) => {
  const pair = {
    transactionType: 'OFF_RAMP' as const,
    fiatCurrency: input.fiatCurrency,
    blockchainSymbol: input.blockchainSymbol,
    tokenSymbol: input.tokenSymbol,
  };
  try {
    return (await client.estimate({ ...pair, fiatAmount: input.amount }, { signal })).data.rate;
  } catch (error) {
    if (!isRow(error, 'invalidUserInput')) throw error;
    return (await client.estimate({ ...pair, cryptoAmount: 1 }, { signal })).data.rate;
  }
};

/**
 * Locks a quote. Always with `cryptoAmount` (the one reading every page of the docs allows): a fiat
 * amount goes estimate → crypto amount → lock, and the quote's own `fiatAmount` is what is shown.
 */
export const fetchLockedQuote = async (client: QuoteCalls, input: QuoteInput, signal: AbortSignal): Promise<LockedQuote> => {
  const cryptoAmount =
    input.side === 'crypto' ? input.amount : cryptoAmountFor(input.amount, await estimateRate(client, input, signal), input.tokenSymbol);
  const { data, clockSkewMs } = await client.lockQuote(
    {
      transactionType: 'OFF_RAMP',
      fiatCurrency: input.fiatCurrency,
      blockchainSymbol: input.blockchainSymbol,
      tokenSymbol: input.tokenSymbol,
      cryptoAmount,
    },
    { signal },
  );
  return { quote: data, clockSkewMs };
};

export const quoteQuery = (client: QuoteCalls, input: QuoteInput | undefined) =>
  queryOptions({
    queryKey: ['offramp', 'quote', input] as const,
    // A failure surfaces once the catalogue that describes it has loaded.
    queryFn: ({ signal }) => withErrorCatalogue(fetchLockedQuote(client, input!, signal), signal),
    enabled: input !== undefined,
    // A locked quote is good until it expires; renewal is explicit (see AmountStep, ReviewStep).
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: retryWhile(QUOTE_ATTEMPTS),
    retryDelay,
    refetchOnWindowFocus: false,
    // While a new amount is being quoted, the old figures stay on screen, marked as updating.
    placeholderData: keepPreviousData,
  });

/**
 * The locked quote for the current input. Each input has its own cache entry, so the answer to an
 * older request can never overwrite a newer one; a superseded request is aborted.
 */
export const useQuote = (input: QuoteInput | undefined) => useQuery(quoteQuery(useProxyClient(), input));
