import { useQuery } from '@tanstack/react-query';
import type { RailEntry } from '../../countries';
import { useProxyClient } from './useProxyClient';
import { QUOTE_ATTEMPTS, retryDelay, retryWhile } from '../retry';

const LIST_STALE_MS = 5 * 60_000;

/**
 * The signed-in user's saved accounts for a rail. A proxy that does not serve the list simply
 * leaves it empty: typing the details always works.
 */
export const useSavedAccounts = (entry: RailEntry | undefined, enabled: boolean) => {
  const client = useProxyClient();
  return useQuery({
    queryKey: ['offramp', 'saved-accounts', entry?.id] as const,
    queryFn: async ({ signal }) => {
      const country = entry!.countries.length === 1 ? entry!.countries[0] : undefined;
      const { data } = await client.savedBankAccounts(country ? { country } : {}, { signal });
      return data.data.filter((account) => entry!.countries.includes(account.country));
    },
    enabled: enabled && entry !== undefined,
    staleTime: LIST_STALE_MS,
    retry: retryWhile(QUOTE_ATTEMPTS),
    retryDelay,
  });
};

/** The signed-in user's receivers, those not disabled. */
export const useReceivers = (enabled: boolean) => {
  const client = useProxyClient();
  return useQuery({
    queryKey: ['offramp', 'receivers'] as const,
    queryFn: async ({ signal }) => (await client.receivers({ signal })).data.data.filter((receiver) => !receiver.disabled),
    enabled,
    staleTime: LIST_STALE_MS,
    retry: retryWhile(QUOTE_ATTEMPTS),
    retryDelay,
  });
};
