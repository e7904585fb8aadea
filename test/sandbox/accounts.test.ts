// @vitest-environment node
/** Saved bank accounts, receivers, and orders paid into them. */
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { orderSchema, successEnvelope } from '../../src/api/schemas';
import { call, F, placeOrder, sandboxAt } from './helpers';

describe('GET /banks/users/{userId}/accounts', () => {
  it("lists the user's accounts in the list's shape (clabe, accountNumber, documentNumber)", async () => {
    const { sandbox } = sandboxAt();
    const answer = await call(sandbox, API_PATHS.bankAccounts(F.verifiedUserId));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ count: 3, total: 3 });
    expect(answer.body.data.data).toContainEqual({
      id: F.bankAccountId, userId: F.verifiedUserId, partnerId: F.partnerId, country: 'MX', rampType: 'OFF_RAMP',
      clabe: F.clabe, accountNumber: null, accountType: null, bankName: null, documentNumber: null, documentType: null,
      isVerified: true, verificationStatus: 'VERIFIED', verifiedAt: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String),
    });
  });

  it('filters by country and rampType, and pages', async () => {
    const { sandbox } = sandboxAt();
    const ids = async (query: Record<string, string | number>) =>
      (await call(sandbox, API_PATHS.bankAccounts(F.verifiedUserId), { query })).body.data.data.map((a: { id: string }) => a.id);
    expect(await ids({ country: 'DO' })).toEqual([F.dominicanBankAccountId]);
    expect((await ids({ country: 'MX', rampType: 'OFF_RAMP' })).sort()).toEqual([F.bankAccountId, F.pendingBankAccountId].sort());
    expect(await ids({ rampType: 'ON_RAMP' })).toEqual([]);
    const page = (await call(sandbox, API_PATHS.bankAccounts(F.verifiedUserId), { query: { limit: 1 } })).body.data;
    expect(page).toMatchObject({ count: 1, total: 3 });
  });
});

describe('GET /receivers', () => {
  it("lists the user's receivers without the hidden verification flag", async () => {
    const { sandbox } = sandboxAt();
    const answer = await call(sandbox, API_PATHS.receivers, { query: { userId: F.verifiedUserId } });
    expect(answer.status).toBe(200);
    expect(answer.body.data.total).toBe(2);
    expect(answer.body.data.data.map((r: { id: string }) => r.id).sort()).toEqual([F.verifiedReceiverId, F.unverifiedReceiverId].sort());
    for (const receiver of answer.body.data.data) {
      expect(Object.keys(receiver).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'receiverType', 'updatedAt', 'userId']);
    }
  });
});

describe('orders paid into saved accounts and receivers', () => {
  it('carries the saved account, in the order shape, with its verification', async () => {
    const { sandbox } = sandboxAt();
    const answer = await placeOrder(sandbox, { userBankInformation: undefined, userBankInformationId: F.bankAccountId });
    expect(answer.status).toBe(201);
    expect(successEnvelope(orderSchema).parse(answer.body).data.bankAccount).toEqual({ country: 'MX', accountIdentifier: F.clabe, isVerified: true });
    expect(answer.body.data.bankAccount).toEqual({
      country: 'MX', accountIdentifier: F.clabe, isVerified: true, bankName: null, accountType: null, documentIdentifier: null, documentType: null,
    });
  });

  it("maps a DO account's accountNumber and documentNumber to the order's identifiers", async () => {
    const { sandbox } = sandboxAt();
    const answer = await placeOrder(sandbox, { fiatCurrency: 'DOP', userBankInformation: undefined, userBankInformationId: F.dominicanBankAccountId });
    expect(answer.body.data.bankAccount).toMatchObject({ country: 'DO', accountIdentifier: '9602123456', documentIdentifier: '40212345678', documentType: 'CEDULA' });
  });

  it('pays a verified receiver of the user', async () => {
    const { sandbox } = sandboxAt();
    expect((await placeOrder(sandbox, { receiverId: F.verifiedReceiverId })).status).toBe(201);
  });

  it('takes inline SEPA details with their IBAN as the identifier', async () => {
    const { sandbox } = sandboxAt();
    const iban = 'DE89370400440532013000';
    const answer = await placeOrder(sandbox, {
      fiatCurrency: 'EUR',
      userBankInformation: { country: 'DE', iban, bic: 'COBADEFFXXX', bankName: 'Commerzbank', accountHolder: { type: 'INDIVIDUAL', firstName: 'Lena', lastName: 'Vogel' } },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.data.bankAccount).toMatchObject({ country: 'DE', accountIdentifier: iban, isVerified: false, bankName: 'Commerzbank' });
  });
});
