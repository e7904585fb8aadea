import { useContext } from 'react';
import { createProxyClient, type ProxyClient, type ProxyClientOptions } from '../../api/client';
import { ProxyClientContext } from '../context';

/** One client per set of options: a new set (a new proxy URL, new headers) makes a new client. */
const clients = new WeakMap<ProxyClientOptions, ProxyClient>();

/** The client for the widget's proxy (see `ProxyClientContext`). */
export const useProxyClient = (): ProxyClient => {
  const options = useContext(ProxyClientContext);
  if (!options) throw new Error('useProxyClient must be used inside <OffRampWidget>');
  let client = clients.get(options);
  if (!client) clients.set(options, (client = createProxyClient(options)));
  return client;
};
