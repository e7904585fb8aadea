import { createContext, useContext } from 'react';
import type { StartClient } from '../api/client';

export const ProxyClientContext = createContext<StartClient | null>(null);

/** The first screen's calls; a later step adds the rest (`withLaterCalls`). */
export const useProxyClient = (): StartClient => {
  const client = useContext(ProxyClientContext);
  if (!client) throw new Error('useProxyClient must be used inside <OffRampWidget>');
  return client;
};

/** The partner's help and terms pages, and the open order a support request should name. */
export interface SupportLinks {
  supportUrl?: string | undefined;
  termsUrl?: string | undefined;
  orderId?: string | undefined;
}

export const SupportContext = createContext<SupportLinks>({});
export const useSupport = () => useContext(SupportContext);
