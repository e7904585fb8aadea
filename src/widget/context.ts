import { createContext, useContext } from 'react';
import type { ProxyClientOptions } from '../api/client';

/**
 * How to reach the partner's proxy, one object per set of options (the widget memoizes them). The
 * client itself comes with the code that talks to the network (`hooks/useProxyClient.ts`).
 */
export const ProxyClientContext = createContext<ProxyClientOptions | null>(null);

/** The partner's help and terms pages, and the open order a support request should name. */
export interface SupportLinks {
  supportUrl?: string | undefined;
  termsUrl?: string | undefined;
  orderId?: string | undefined;
}

export const SupportContext = createContext<SupportLinks>({});
export const useSupport = () => useContext(SupportContext);
