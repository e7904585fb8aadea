import { createContext, useContext } from 'react';
import type { ProxyClient } from '../api/client';

export const ProxyClientContext = createContext<ProxyClient | null>(null);

export const useProxyClient = (): ProxyClient => {
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
