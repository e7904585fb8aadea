import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useProxyClient } from '../context';
import { QUOTE_ATTEMPTS, retryDelay, retryWhile } from '../retry';

export const KYC_QUERY_KEY = ['offramp', 'kyc-status'] as const;

/**
 * False in the render that mounts the component, true from the next task on. The first screen's
 * task then holds no more than the first screen: a request started there (its query's bookkeeping,
 * the request itself) delays the moment the amount field can be used, and is needed later.
 */
const useMounted = () => {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (mounted) return;
    const timer = setTimeout(() => setMounted(true), 0);
    return () => clearTimeout(timer);
  }, [mounted]);
  return mounted;
};

/**
 * The signed-in user's identity verification, as the proxy projects it (`{ verified, firstName?,
 * lastName? }`), read when the widget opens (a task after its first screen: nothing on that screen
 * needs it) and again whenever the page comes back into view (the user may have verified in another
 * tab). A proxy without the route leaves it unknown: the API's own refusal of the order still leads
 * to the verification screen.
 */
export const useKycStatus = () => {
  const client = useProxyClient();
  return useQuery({
    queryKey: KYC_QUERY_KEY,
    queryFn: async ({ signal }) => (await client.kycStatus({ signal })).data,
    enabled: useMounted(),
    staleTime: 30_000,
    refetchOnWindowFocus: 'always',
    retry: retryWhile(QUOTE_ATTEMPTS),
    retryDelay,
  });
};
