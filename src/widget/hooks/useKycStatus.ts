import { useQuery } from '@tanstack/react-query';
import { QUOTE_ATTEMPTS, retryDelay, retryWhile } from '../retry';
import { useProxyClient } from './useProxyClient';

const KYC_QUERY_KEY = ['offramp', 'kyc-status'] as const;

/**
 * The signed-in user's identity verification, as the proxy projects it (`{ verified, firstName?,
 * lastName? }`), read once the user reaches for the widget (by `KycHost`, which downloads then:
 * nothing on the first screen needs it) and again whenever the page comes back into view (the user
 * may have verified in another tab). A proxy without the route leaves it unknown: the API's own refusal
 * of the order still leads to the verification screen.
 */
export const useKycStatus = () => {
  const client = useProxyClient();
  return useQuery({
    queryKey: KYC_QUERY_KEY,
    queryFn: async ({ signal }) => (await client.kycStatus({ signal })).data,
    staleTime: 30_000,
    refetchOnWindowFocus: 'always',
    retry: retryWhile(QUOTE_ATTEMPTS),
    retryDelay,
  });
};
