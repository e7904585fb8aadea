import { createContext, useContext } from 'react';
import type { ProxyClient } from '../api/client';

export const ProxyClientContext = createContext<ProxyClient | null>(null);

export const useProxyClient = (): ProxyClient => {
  const client = useContext(ProxyClientContext);
  if (!client) throw new Error('useProxyClient must be used inside <OffRampWidget>');
  return client;
};
