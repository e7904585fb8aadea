/**
 * The proxy's calls that come after the first screen: the order, its transaction, the saved
 * accounts and receivers. They download with the steps that use them, which add them to the first
 * screen's client (`withLaterCalls`); `createProxyClient` is the whole client at once.
 */
import { API_PATHS, IDEMPOTENCY_KEY_HEADER, SESSION_USER } from './contract';
import { createStartClient, JSON_HEADERS, toQuery, type ProxyClient, type ProxyClientOptions, type StartClient } from './client';

const wholeClients = new WeakMap<StartClient, ProxyClient>();

/** The whole client over a first screen's one: the same object for the same start client. */
export const withLaterCalls = (start: StartClient): ProxyClient => {
  const known = wholeClients.get(start);
  if (known) return known;
  const { call, ...startCalls } = start;
  const client: ProxyClient = {
    ...startCalls,
    createOrder: (body, { idempotencyKey, signal }) =>
      call({ schema: (s) => s.orderSchema }, API_PATHS.offRamp, {
        method: 'POST',
        headers: { ...JSON_HEADERS, [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        body: JSON.stringify(body),
        signal,
      }),
    savedBankAccounts: ({ country }, options = {}) =>
      call({ schema: (s) => s.pageOf(s.savedBankAccountSchema) }, `${API_PATHS.bankAccounts(SESSION_USER)}?${toQuery({ rampType: 'OFF_RAMP', country })}`, {
        method: 'GET',
        signal: options.signal,
      }),
    receivers: (options = {}) =>
      call({ schema: (s) => s.pageOf(s.receiverSchema) }, `${API_PATHS.receivers}?${toQuery({ userId: SESSION_USER })}`, { method: 'GET', signal: options.signal }),
    execute: (request, options = {}) =>
      call({ schema: (s) => s.executeAnswerSchema }, API_PATHS.execute, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request), signal: options.signal }),
    transaction: async (id, options = {}) => {
      const answer = await call({ schema: (s) => s.pageOf(s.transactionSchema) }, `${API_PATHS.transactions}?${toQuery({ id })}`, { method: 'GET', signal: options.signal });
      return { ...answer, data: answer.data.data.find((transaction) => transaction.id === id) };
    },
    cancel: (id, options = {}) => call({ schema: (s) => s.cancelAnswerSchema }, API_PATHS.cancel(id), { method: 'PUT', signal: options.signal }),
  };
  wholeClients.set(start, client);
  return client;
};

export const createProxyClient = (options: ProxyClientOptions): ProxyClient => withLaterCalls(createStartClient(options));
