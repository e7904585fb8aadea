// @vitest-environment node
/**
 * Every error row of the contract, each produced by the request that should produce it, with its
 * exact status, code and message.
 */
import { describe, expect, it, test } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS, BANK_ACCOUNT_ERRORS, withRange, type ApiErrorRow } from '../../src/api/errors';
import type { Sandbox } from '../../src/sandbox';
import { call, dominicanBank, expectRow, F, lockQuote, orderBody, placeOrder, poll, sandboxAt, sepaBank, UNKNOWN_ID, usBank, withoutAsset, type Answer } from './helpers';

interface Case {
  name: string;
  row: ApiErrorRow;
  request: (sandbox: Sandbox, advance: (ms: number) => void) => Promise<Answer>;
}

const post = (path: string, body: unknown, key?: string) => (sandbox: Sandbox) =>
  call(sandbox, path, { method: 'POST', body, ...(key ? { key } : {}) });
const order = (overrides: Record<string, unknown>) => (sandbox: Sandbox) => placeOrder(sandbox, overrides);
const estimate = (query: Record<string, string | number>) => (sandbox: Sandbox) => call(sandbox, API_PATHS.quotes, { query });
const ESTIMATE = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 };
const { cryptoAmount: _amount, ...withoutAmount } = ESTIMATE;

/** An order placed by the partner, for the execute and cancel rows. */
const existingOrder = async (sandbox: Sandbox): Promise<string> => (await placeOrder(sandbox)).body.data.id;

const authentication: Case[] = [
  { name: 'no partner-api-key header', row: API_ERRORS.apiKeyMissing, request: (s) => call(s, API_PATHS.quotes, { key: null, query: ESTIMATE }) },
  { name: 'a key that is not sk_sandbox_ + 32 hex', row: API_ERRORS.apiKeyMalformed, request: (s) => call(s, API_PATHS.quotes, { key: 'sk_live_123', query: ESTIMATE }) },
  { name: 'a well-formed key nobody has', row: API_ERRORS.apiKeyUnknown, request: (s) => call(s, API_PATHS.quotes, { key: `sk_sandbox_${'0'.repeat(32)}`, query: ESTIMATE }) },
  { name: "a partner whose flow is disabled", row: API_ERRORS.invalidPartnerFlow, request: (s) => call(s, API_PATHS.quotes, { key: F.disabledFlowApiKey, query: ESTIMATE }) },
];

const quotes: Case[] = [
  { name: 'POST /quotes with an unknown transactionType', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.quotes, { ...ESTIMATE, transactionType: 'SIDEWAYS' }) },
  { name: 'POST /quotes with both amounts', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.quotes, { ...ESTIMATE, fiatAmount: 2000 }) },
  { name: 'POST /quotes with a body that is not JSON', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.quotes, '{"transactionType":') },
  { name: 'POST /quotes forwarding a REGULAR quote', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.quotes, { ...ESTIMATE, forwardingDays: 2 }) },
  { name: 'GET /quotes with a cryptoAmount that is not a number', row: API_ERRORS.invalidUserInput, request: estimate({ ...ESTIMATE, cryptoAmount: 'lots' }) },
  { name: 'GET /quotes without an amount', row: API_ERRORS.invalidUserInput, request: estimate(withoutAmount) },
  { name: 'POST /quotes in GBP', row: API_ERRORS.fiatCurrencyDisabled, request: post(API_PATHS.quotes, { ...ESTIMATE, fiatCurrency: 'GBP' }) },
  { name: 'GET /quotes in GBP', row: API_ERRORS.fiatCurrencyDisabled, request: estimate({ ...ESTIMATE, fiatCurrency: 'GBP' }) },
  { name: 'POST /quotes for USDC on BSC', row: API_ERRORS.pairDisabled, request: post(API_PATHS.quotes, { ...ESTIMATE, blockchainSymbol: 'BSC' }) },
  { name: 'GET /quotes for a token on MTN (in the enum, no pairs)', row: API_ERRORS.pairDisabled, request: estimate({ ...ESTIMATE, blockchainSymbol: 'MTN' }) },
  { name: 'POST /quotes for 0.5 USDC', row: withRange(API_ERRORS.tokenAmountOutOfRange, { min: 1, max: 50_000 }, 6), request: post(API_PATHS.quotes, { ...ESTIMATE, cryptoAmount: 0.5 }) },
  { name: 'GET /quotes for 9.99 MXN', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 10, max: 1_000_000 }, 2), request: estimate({ ...withoutAmount, fiatAmount: 9.99 }) },
  { name: 'POST /quotes for 0.49 USD', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 0.5, max: 50_000 }, 2), request: post(API_PATHS.quotes, { ...withoutAmount, fiatCurrency: 'USD', fiatAmount: 0.49 }) },
  { name: 'POST /quotes for 1 ETH (54,000 MXN: OTC)', row: API_ERRORS.otcStablecoinsOnly, request: post(API_PATHS.quotes, { ...ESTIMATE, blockchainSymbol: 'ETH', tokenSymbol: 'ETH', cryptoAmount: 1 }) },
];

const orders: Case[] = [
  { name: 'an order without userId', row: API_ERRORS.userIdRequired, request: order({ userId: undefined }) },
  { name: 'an order for an unknown user', row: API_ERRORS.userNotOfPartner, request: order({ userId: UNKNOWN_ID }) },
  { name: "an order for the other partner's user", row: API_ERRORS.userNotOfPartner, request: order({ userId: F.otherPartnerUserId }) },
  { name: "an order by a receiver's own user", row: API_ERRORS.receiverCannotOrder, request: order({ userId: F.receiverUserId }) },
  { name: 'an order by a user without KYC', row: API_ERRORS.userNotVerified, request: order({ userId: F.unverifiedUserId }) },
  { name: 'an order whose cryptoAmount is text', row: API_ERRORS.invalidUserInput, request: order({ cryptoAmount: 'lots' }) },
  { name: 'an order whose body is an array', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.offRamp, [orderBody()]) },
  { name: 'an order with both amounts', row: API_ERRORS.invalidUserInput, request: order({ fiatAmount: 1791 }) },
  { name: 'an order without quote or token', row: API_ERRORS.quoteOrAssetRequired, request: order({ tokenSymbol: undefined }) },
  { name: 'an order without quote or amount', row: API_ERRORS.quoteOrAssetRequired, request: order({ cryptoAmount: undefined }) },
  { name: 'an order in GBP', row: API_ERRORS.fiatCurrencyDisabled, request: order({ fiatCurrency: 'GBP' }) },
  { name: 'an order for BNB on POL', row: API_ERRORS.pairDisabled, request: order({ tokenSymbol: 'BNB' }) },
  { name: 'an order with an unknown quoteId', row: API_ERRORS.invalidUserInput, request: (s) => placeOrder(s, withoutAsset({ ...orderBody(), quoteId: UNKNOWN_ID })) },
  {
    name: "an order with the other partner's quote",
    row: API_ERRORS.invalidUserInput,
    request: async (s) => placeOrder(s, withoutAsset({ ...orderBody(), quoteId: (await lockQuote(s, {}, F.otherPartnerApiKey)).body.data.quoteId })),
  },
  {
    name: 'an order with an expired quote',
    row: API_ERRORS.quoteExpired,
    request: async (s, advance) => {
      const { quoteId } = (await lockQuote(s)).body.data;
      advance(5 * 60_000);
      return placeOrder(s, withoutAsset({ ...orderBody(), quoteId }));
    },
  },
  {
    name: 'an order with an ON_RAMP quote',
    row: API_ERRORS.quoteNotOffRamp,
    request: async (s) => placeOrder(s, withoutAsset({ ...orderBody(), quoteId: (await lockQuote(s, { transactionType: 'ON_RAMP' })).body.data.quoteId })),
  },
  { name: 'an order for 1 ETH (OTC)', row: API_ERRORS.otcStablecoinsOnly, request: order({ blockchainSymbol: 'ETH', tokenSymbol: 'ETH', cryptoAmount: 1 }) },
  { name: 'an order with neither bank form', row: API_ERRORS.bankDetailsRequired, request: order({ userBankInformation: undefined }) },
  { name: 'an order with both bank forms', row: API_ERRORS.bankDetailsRequired, request: order({ userBankInformationId: F.bankAccountId }) },
  { name: 'an order to a CLABE with a wrong check digit', row: API_ERRORS.invalidUserInput, request: order({ userBankInformation: { country: 'MX', accountIdentifier: '014680260346007121' } }) },
  { name: 'an order to an MX account with a bankName', row: API_ERRORS.invalidUserInput, request: order({ userBankInformation: { country: 'MX', accountIdentifier: F.clabe, bankName: 'Santander' } }) },
  { name: 'an order to a DO account without its document', row: API_ERRORS.invalidUserInput, request: order({ fiatCurrency: 'DOP', userBankInformation: { country: 'DO', accountIdentifier: '9602123456', bankName: 'Banreservas', accountType: 'SAVINGS' } }) },
  { name: 'an order to an unverified receiver', row: API_ERRORS.receiverNotVerified, request: order({ receiverId: F.unverifiedReceiverId }) },
  { name: 'an order for 9.99 MXN', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 10, max: 1_000_000 }, 2), request: order({ cryptoAmount: undefined, fiatAmount: 9.99 }) },
  { name: 'an order for 29.99 DOP', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 30, max: 3_000_000 }, 2), request: order({ fiatCurrency: 'DOP', cryptoAmount: undefined, fiatAmount: 29.99, userBankInformation: dominicanBank }) },
  { name: 'an order for 1 POL (9 MXN)', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 10, max: 1_000_000 }, 2), request: order({ tokenSymbol: 'POL', cryptoAmount: 1 }) },
  { name: 'an order for 0.49 EUR', row: withRange(API_ERRORS.fiatAmountOutOfRange, { min: 0.5, max: 50_000 }, 2), request: order({ fiatCurrency: 'EUR', cryptoAmount: undefined, fiatAmount: 0.49, userBankInformation: sepaBank }) },
  { name: 'an order for 0.5 USDC', row: withRange(API_ERRORS.tokenAmountOutOfRange, { min: 1, max: 50_000 }, 6), request: order({ cryptoAmount: 0.5 }) },
  { name: 'an order for 60,000 USDC', row: withRange(API_ERRORS.tokenAmountOutOfRange, { min: 1, max: 50_000 }, 6), request: order({ cryptoAmount: 60_000 }) },
  { name: "an order to another user's receiver", row: API_ERRORS.receiverOfOtherUser, request: order({ receiverId: F.otherUserReceiverId }) },
  { name: "an order to another user's saved account", row: API_ERRORS.bankInfoOfOtherUser, request: order({ userBankInformation: undefined, userBankInformationId: F.otherUserBankAccountId }) },
  { name: "an order to another partner's saved account", row: API_ERRORS.bankInfoOfOtherPartner, request: order({ userBankInformation: undefined, userBankInformationId: F.otherPartnerBankAccountId }) },
  { name: 'an order to an unknown receiver', row: API_ERRORS.receiverNotFound, request: order({ receiverId: UNKNOWN_ID }) },
  { name: 'an order to an unknown saved account', row: API_ERRORS.bankInfoNotFound, request: order({ userBankInformation: undefined, userBankInformationId: UNKNOWN_ID }) },
];

const execute: Case[] = [
  { name: 'execute with a transactionId that is not a UUID', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.execute, { transactionId: 'nope' }) },
  {
    name: 'execute with a malformed transactionHash',
    row: API_ERRORS.invalidUserInput,
    request: async (s) => call(s, API_PATHS.execute, { method: 'POST', body: { transactionId: await existingOrder(s), transactionHash: '0x1234' } }),
  },
  { name: 'execute of an unknown transaction', row: API_ERRORS.transactionNotFound, request: post(API_PATHS.execute, { transactionId: UNKNOWN_ID }) },
  {
    name: "execute of the other partner's transaction",
    row: API_ERRORS.transactionOfOtherPartner,
    request: async (s) => call(s, API_PATHS.execute, { method: 'POST', key: F.otherPartnerApiKey, body: { transactionId: await existingOrder(s) } }),
  },
];

const cancel: Case[] = [
  { name: 'cancel of an id that is not a UUID', row: API_ERRORS.invalidUserInput, request: (s) => call(s, API_PATHS.cancel('nope'), { method: 'PUT' }) },
  { name: 'cancel of an unknown transaction', row: API_ERRORS.transactionNotFound, request: (s) => call(s, API_PATHS.cancel(UNKNOWN_ID), { method: 'PUT' }) },
  {
    name: 'cancel once the crypto is received',
    row: API_ERRORS.invalidStateTransition,
    request: async (s) => {
      const id = await existingOrder(s);
      await call(s, API_PATHS.execute, { method: 'POST', body: { transactionId: id } }); // the crypto is sent
      await poll(s, id); // PENDING_PAYMENT → CRYPTO_RECEIVED
      return call(s, API_PATHS.cancel(id), { method: 'PUT' });
    },
  },
  {
    name: "cancel of the other partner's transaction",
    row: API_ERRORS.partnerNotOwner,
    request: async (s) => call(s, API_PATHS.cancel(await existingOrder(s)), { method: 'PUT', key: F.otherPartnerApiKey }),
  },
  {
    name: "cancel naming a user who does not own the transaction",
    row: API_ERRORS.userNotOwner,
    request: async (s) => call(s, API_PATHS.cancel(await existingOrder(s)), { method: 'PUT', query: { userId: F.otherUserId } }),
  },
];

const users: Case[] = [
  { name: "bank accounts of the other partner's user", row: API_ERRORS.userNotOfPartner, request: (s) => call(s, API_PATHS.bankAccounts(F.otherPartnerUserId)) },
  { name: 'bank accounts of an unknown user', row: API_ERRORS.userNotOfPartner, request: (s) => call(s, API_PATHS.bankAccounts(UNKNOWN_ID)) },
  { name: 'bank accounts with an unknown rampType', row: API_ERRORS.invalidUserInput, request: (s) => call(s, API_PATHS.bankAccounts(F.verifiedUserId), { query: { rampType: 'SIDEWAYS' } }) },
  { name: 'receivers without userId', row: API_ERRORS.userIdRequired, request: (s) => call(s, API_PATHS.receivers) },
  { name: "receivers of the other partner's user", row: API_ERRORS.userNotOfPartner, request: (s) => call(s, API_PATHS.receivers, { query: { userId: F.otherPartnerUserId } }) },
  { name: 'transactions with limit=500', row: API_ERRORS.invalidUserInput, request: (s) => call(s, API_PATHS.transactions, { query: { limit: 500 } }) },
  { name: 'transactions sorted by an unknown field', row: API_ERRORS.invalidUserInput, request: (s) => call(s, API_PATHS.transactions, { query: { sortBy: 'colour' } }) },
  { name: 'transactions with an unknown status', row: API_ERRORS.invalidUserInput, request: (s) => call(s, API_PATHS.transactions, { query: { status: 'LOST' } }) },
];

const put = (path: string, body: unknown) => (sandbox: Sandbox) => call(sandbox, path, { method: 'PUT', body });
const del = (path: string, key?: string) => (sandbox: Sandbox) => call(sandbox, path, { method: 'DELETE', ...(key ? { key } : {}) });
const NEW_USER = { type: 'INDIVIDUAL', email: 'rosa.diaz@example.com', externalUserId: 'partner-user-rosa' };
const RECEIVER = { userId: F.verifiedUserId, receiverType: 'INDIVIDUAL', email: 'pablo.ortiz@example.com', taxId: 'OIPP800101AB1', firstName: 'Pablo', lastName: 'Ortiz' };
const { lastName: _lastName, ...receiverWithoutLastName } = RECEIVER;
const { taxId: _taxId, ...receiverWithoutTaxId } = RECEIVER;
const { bankName: _bankName, ...dominicanWithoutBankName } = dominicanBank;
const UNKNOWN_DOMINICAN_BANK = { ...dominicanBank, bankName: 'Banco Imaginario' };
const userAccounts = API_PATHS.bankAccounts(F.verifiedUserId);
const receiverAccounts = API_PATHS.receiverBankAccounts(F.verifiedReceiverId);

const partnerApi: Case[] = [
  { name: 'POST /users with an email that is not one', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.users, { ...NEW_USER, email: 'rosa' }) },
  { name: 'POST /users without externalUserId', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.users, { ...NEW_USER, externalUserId: undefined }) },
  { name: 'POST /users with an unknown type', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.users, { ...NEW_USER, type: 'ROBOT' }) },
  {
    name: "POST /users with an externalUserId the partner already gave",
    row: API_ERRORS.invalidUserInput,
    request: async (s) => (await post(API_PATHS.users, NEW_USER)(s), post(API_PATHS.users, { ...NEW_USER, email: 'other@example.com' })(s)),
  },
  { name: 'a verification link for an unknown user', row: API_ERRORS.userNotOfPartner, request: post(API_PATHS.kycVerificationLink(UNKNOWN_ID), { country: 'MX' }) },
  { name: "a verification link for the other partner's user", row: API_ERRORS.userNotOfPartner, request: post(API_PATHS.kycVerificationLink(F.otherPartnerUserId), { country: 'MX' }) },
  { name: 'a verification link for country "Mexico"', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.kycVerificationLink(F.unverifiedUserId), { country: 'Mexico' }) },
  { name: 'a verification link returning to a javascript: URI', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.kycVerificationLink(F.unverifiedUserId), { country: 'MX', partnerRedirectUri: 'javascript:alert(1)' }) },
  { name: 'KYC details without userId', row: API_ERRORS.userIdRequired, request: (s) => call(s, API_PATHS.kycDetails) },
  { name: "KYC details of the other partner's user", row: API_ERRORS.userNotOfPartner, request: (s) => call(s, API_PATHS.kycDetails, { query: { userId: F.otherPartnerUserId } }) },
  { name: 'webhook settings with an ftp: URL', row: API_ERRORS.invalidUserInput, request: put(API_PATHS.webhookSettings, { url: 'ftp://partner.example/hooks' }) },
  { name: 'webhook settings without url', row: API_ERRORS.invalidUserInput, request: put(API_PATHS.webhookSettings, {}) },
  { name: 'POST /receivers without userId', row: API_ERRORS.userIdRequired, request: post(API_PATHS.receivers, { ...RECEIVER, userId: undefined }) },
  { name: "POST /receivers for the other partner's user", row: API_ERRORS.userNotOfPartner, request: post(API_PATHS.receivers, { ...RECEIVER, userId: F.otherPartnerUserId }) },
  { name: 'POST /receivers of a person without last name', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.receivers, receiverWithoutLastName) },
  { name: 'POST /receivers of a business with a first name', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.receivers, { ...RECEIVER, receiverType: 'BUSINESS', businessName: 'Acme' }) },
  { name: 'POST /receivers without taxId', row: API_ERRORS.invalidUserInput, request: post(API_PATHS.receivers, receiverWithoutTaxId) },
];

const savedAccounts: Case[] = [
  { name: 'a DO account without bank name', row: BANK_ACCOUNT_ERRORS.dominicanBankNameRequired, request: post(userAccounts, dominicanWithoutBankName) },
  { name: 'a DO account at a bank not on the list', row: BANK_ACCOUNT_ERRORS.bankNotSupported, request: post(userAccounts, UNKNOWN_DOMINICAN_BANK) },
  { name: "a receiver's DO account without bank name", row: BANK_ACCOUNT_ERRORS.dominicanBankNameRequired, request: post(receiverAccounts, dominicanWithoutBankName) },
  { name: "a receiver's DO account at a bank not on the list", row: BANK_ACCOUNT_ERRORS.receiverBankNotSupported, request: post(receiverAccounts, UNKNOWN_DOMINICAN_BANK) },
  { name: 'an account the user has already saved', row: BANK_ACCOUNT_ERRORS.bankInfoCreationFailed, request: post(userAccounts, { country: 'MX', accountIdentifier: F.clabe }) },
  { name: 'an MX account with a bank name', row: API_ERRORS.invalidUserInput, request: post(userAccounts, { country: 'MX', accountIdentifier: F.clabe, bankName: 'Santander' }) },
  { name: 'a CN account (no documented rule)', row: API_ERRORS.invalidUserInput, request: post(userAccounts, { country: 'CN', accountIdentifier: '6222020200112233445' }) },
  { name: 'an account body that is an array', row: API_ERRORS.invalidUserInput, request: post(userAccounts, [{ country: 'MX', accountIdentifier: F.clabe }]) },
  { name: "an account for the other partner's user", row: API_ERRORS.userNotOfPartner, request: post(API_PATHS.bankAccounts(F.otherPartnerUserId), usBank) },
  { name: 'an account for an unknown receiver', row: API_ERRORS.receiverNotFound, request: post(API_PATHS.receiverBankAccounts(UNKNOWN_ID), usBank) },
  { name: 'the accounts of an unknown receiver', row: API_ERRORS.receiverNotFound, request: (s) => call(s, API_PATHS.receiverBankAccounts(UNKNOWN_ID)) },
  { name: "a receiver's accounts asked by the other partner", row: API_ERRORS.receiverNotFound, request: (s) => call(s, receiverAccounts, { key: F.otherPartnerApiKey }) },
  { name: 'deleting an unknown account of a receiver', row: API_ERRORS.bankInfoNotFound, request: del(API_PATHS.receiverBankAccount(F.verifiedReceiverId, UNKNOWN_ID)) },
  { name: "deleting the user's own account through a receiver", row: API_ERRORS.bankInfoNotFound, request: del(API_PATHS.receiverBankAccount(F.verifiedReceiverId, F.bankAccountId)) },
  { name: "deleting a receiver's account as the other partner", row: API_ERRORS.receiverNotFound, request: del(API_PATHS.receiverBankAccount(F.verifiedReceiverId, F.bankAccountId), F.otherPartnerApiKey) },
  { name: 'an order to inline DO details without bank name', row: BANK_ACCOUNT_ERRORS.dominicanBankNameRequired, request: order({ fiatCurrency: 'DOP', userBankInformation: dominicanWithoutBankName }) },
  { name: 'an order to inline DO details at a bank not on the list', row: BANK_ACCOUNT_ERRORS.bankNotSupported, request: order({ fiatCurrency: 'DOP', userBankInformation: UNKNOWN_DOMINICAN_BANK }) },
];

const outage: Case[] = [
  { name: 'GET /quotes during an outage', row: API_ERRORS.estimateFailed, request: (s) => (s.configure({ outage: true }), call(s, API_PATHS.quotes, { query: ESTIMATE })) },
  { name: 'POST /quotes during an outage', row: API_ERRORS.quoteFailed, request: (s) => (s.configure({ outage: true }), lockQuote(s)) },
  { name: 'receivers during an outage', row: API_ERRORS.receiversUnavailable, request: (s) => (s.configure({ outage: true }), call(s, API_PATHS.receivers, { query: { userId: F.verifiedUserId } })) },
  { name: 'an order during an outage', row: API_ERRORS.internalError, request: (s) => (s.configure({ outage: true }), placeOrder(s)) },
  { name: 'POST /receivers during an outage (not the list row)', row: API_ERRORS.internalError, request: (s) => (s.configure({ outage: true }), post(API_PATHS.receivers, RECEIVER)(s)) },
];

const routing: Case[] = [
  { name: 'an unknown path', row: API_ERRORS.notFound, request: (s) => call(s, '/api/partner/v2/teleport') },
  { name: 'a known path with an unknown method', row: API_ERRORS.notFound, request: (s) => call(s, API_PATHS.offRamp, { method: 'DELETE' }) },
];

describe.each([
  ['authentication', authentication],
  ['quotes', quotes],
  ['orders', orders],
  ['execute', execute],
  ['cancel', cancel],
  ['users and lists', users],
  ['users, KYC, receivers, webhook settings', partnerApi],
  ['saved accounts', savedAccounts],
  ['outage (fault injection)', outage],
  ['routing', routing],
] as const)('%s', (_group, cases) => {
  test.each(cases.map((c) => [`${c.row.status} ${c.row.code} "${c.row.message}" for ${c.name}`, c] as const))('%s', async (_title, c) => {
    const { sandbox, advance } = sandboxAt();
    expectRow(await c.request(sandbox, advance), c.row);
    expect(sandbox.orders().length).toBeLessThanOrEqual(1); // an error creates nothing (one seeded order at most)
  });
});

/** Every route checks the key first, and the partner's flow second, before reading anything else. */
const ROUTES: [string, string, 'GET' | 'POST' | 'PUT' | 'DELETE'][] = [
  ['GET /quotes', API_PATHS.quotes, 'GET'],
  ['POST /quotes', API_PATHS.quotes, 'POST'],
  ['POST /off-ramp', API_PATHS.offRamp, 'POST'],
  ['POST /off-ramp/execute', API_PATHS.execute, 'POST'],
  ['GET /transactions', API_PATHS.transactions, 'GET'],
  ['PUT /transactions/{id}/cancel', API_PATHS.cancel(UNKNOWN_ID), 'PUT'],
  ['GET /transactions/mock-testing-guide', API_PATHS.mockTestingGuide, 'GET'],
  ['GET /banks/users/{userId}/accounts', API_PATHS.bankAccounts(F.verifiedUserId), 'GET'],
  ['GET /receivers', API_PATHS.receivers, 'GET'],
  ['POST /receivers', API_PATHS.receivers, 'POST'],
  ['POST /banks/users/{userId}/accounts', API_PATHS.bankAccounts(F.verifiedUserId), 'POST'],
  ['GET /banks/receivers/{receiverId}/accounts', API_PATHS.receiverBankAccounts(F.verifiedReceiverId), 'GET'],
  ['POST /banks/receivers/{receiverId}/accounts', API_PATHS.receiverBankAccounts(F.verifiedReceiverId), 'POST'],
  ['DELETE /banks/receivers/{receiverId}/accounts/{id}', API_PATHS.receiverBankAccount(F.verifiedReceiverId, F.bankAccountId), 'DELETE'],
  ['POST /users', API_PATHS.users, 'POST'],
  ['POST /users/{id}/kyc/verification-link', API_PATHS.kycVerificationLink(F.unverifiedUserId), 'POST'],
  ['GET /kyc/details', API_PATHS.kycDetails, 'GET'],
  ['PUT /webhook-settings', API_PATHS.webhookSettings, 'PUT'],
];

describe.each(ROUTES)('%s', (_name, path, method) => {
  it.each([
    ['no key', null, API_ERRORS.apiKeyMissing],
    ['a malformed key', 'sk_sandbox_XYZ', API_ERRORS.apiKeyMalformed],
    ['an unknown key', `sk_sandbox_${'f'.repeat(32)}`, API_ERRORS.apiKeyUnknown],
    ['the disabled-flow key', F.disabledFlowApiKey, API_ERRORS.invalidPartnerFlow],
  ] as const)('answers %s first', async (_case, key, row) => {
    const { sandbox } = sandboxAt();
    expectRow(await call(sandbox, path, { method, key, body: method === 'GET' || method === 'DELETE' ? undefined : {} }), row);
  });
});
