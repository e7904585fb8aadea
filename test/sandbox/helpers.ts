/** Shared by the sandbox tests: a sandbox on a hand-moved clock, and one-line requests. */
import { expect } from 'vitest';
import { API_PATHS, HEADERS } from '../../src/api/contract';
import { errorBody, type ApiErrorRow } from '../../src/api/errors';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox, type SandboxOptions } from '../../src/sandbox';

export const F = SANDBOX_FIXTURES;
export const T0 = Date.parse('2026-11-23T18:00:00.000Z');
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A sandbox whose clock moves only when the test says so. */
export const sandboxAt = (options: SandboxOptions = {}) => {
  const clock = { now: T0 };
  const sandbox = createSandbox({ seed: 'test', now: () => clock.now, ...options });
  return { sandbox, clock, advance: (ms: number) => void (clock.now += ms) };
};

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number>;
  body?: unknown;
  /** The partner key; `null` sends none. Default the partner's. */
  key?: string | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  body: any; // tests read deep into answers
  headers: Headers;
}

export const call = async (sandbox: Sandbox, path: string, options: CallOptions = {}): Promise<Answer> => {
  const { method = 'GET', query, body, key = F.apiKey, headers = {} } = options;
  const search = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : '';
  const response = await sandbox.fetch(`${path}${search}`, {
    method,
    headers: {
      ...(key === null ? {} : { [HEADERS.apiKey]: key }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
};

export const quoteBody = (overrides: Record<string, unknown> = {}) => ({
  transactionType: 'OFF_RAMP',
  fiatCurrency: 'MXN',
  blockchainSymbol: 'POL',
  tokenSymbol: 'USDC',
  cryptoAmount: 100,
  ...overrides,
});

export const orderBody = (overrides: Record<string, unknown> = {}) => ({
  userId: F.verifiedUserId,
  fiatCurrency: 'MXN',
  blockchainSymbol: 'POL',
  tokenSymbol: 'USDC',
  cryptoAmount: 100,
  userBankInformation: { country: 'MX', accountIdentifier: F.clabe },
  ...overrides,
});

/** A US bank account that passes the US rail's rules. */
export const usBank = {
  country: 'US',
  accountIdentifier: '483920175',
  bankName: 'JPMorgan Chase',
  routingNumber: '021000021',
  accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García' },
  address: { streetLine1: '350 Fifth Ave', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
};

/** The contract's DO example. */
export const dominicanBank = {
  country: 'DO', accountIdentifier: '9602123456', bankName: 'Banco Popular Dominicano', accountType: 'SAVINGS', documentType: 'CEDULA', documentIdentifier: '40212345678',
};

/** The contract's SEPA example. */
export const sepaBank = {
  country: 'DE', iban: 'DE89370400440532013000', accountIdentifier: 'DE89370400440532013000', bic: 'COBADEFFXXX', bankName: 'Commerzbank',
  accountHolder: { type: 'INDIVIDUAL', firstName: 'Lena', lastName: 'Vogel' },
};

/** Inline bank details that each currency's rail accepts. */
export const BANK_BY_CURRENCY = {
  MXN: { country: 'MX', accountIdentifier: F.clabe },
  DOP: dominicanBank,
  USD: usBank,
  EUR: sepaBank,
} as const;

export const lockQuote = (sandbox: Sandbox, overrides: Record<string, unknown> = {}, key?: string) =>
  call(sandbox, API_PATHS.quotes, { method: 'POST', body: quoteBody(overrides), ...(key ? { key } : {}) });

export const placeOrder = (sandbox: Sandbox, overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  call(sandbox, API_PATHS.offRamp, { method: 'POST', body: orderBody(overrides), headers });

/** The quote-less fields, for an order that names a quote only. */
export const ASSET_FIELDS = ['fiatCurrency', 'blockchainSymbol', 'tokenSymbol', 'cryptoAmount'] as const;
export const withoutAsset = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([field]) => !(ASSET_FIELDS as readonly string[]).includes(field)));

export const expectRow = (answer: Answer, row: ApiErrorRow) => {
  expect({ status: answer.status, body: answer.body }).toEqual({ status: row.status, body: errorBody(row) });
};

/** Reads one transaction, which moves it one step. */
export const poll = async (sandbox: Sandbox, id: string) => {
  const answer = await call(sandbox, API_PATHS.transactions, { query: { id } });
  expect(answer.status).toBe(200);
  return answer.body.data.data[0];
};

/** The user says the crypto is sent: from here the order walks. */
export const execute = (sandbox: Sandbox, id: string) => call(sandbox, API_PATHS.execute, { method: 'POST', body: { transactionId: id } });

/** Executes the order, then polls until the status stops changing; returns every status seen, the first being the order's own. */
export const walk = async (sandbox: Sandbox, order: { id: string; status: string }) => {
  await execute(sandbox, order.id);
  const seen = [order.status];
  for (let i = 0; i < 20; i += 1) {
    const transaction = await poll(sandbox, order.id);
    if (transaction.status === seen.at(-1)) return { seen, last: transaction };
    seen.push(transaction.status);
  }
  throw new Error(`no final status after 20 polls: ${seen.join(' → ')}`);
};
