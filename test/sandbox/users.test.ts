// @vitest-environment node
/** Users, KYC (links, the page behind them, details), receivers and saved accounts created through the API. */
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { kycDetailsAnswerSchema, savedBankAccountSchema } from '../../src/api/schemas';
import { DEFAULT_IDENTITY, SANDBOX_PATHS, type Sandbox } from '../../src/sandbox';
import { call, dominicanBank, F, placeOrder, sandboxAt, sepaBank, T0, usBank } from './helpers';

const newUser = { type: 'INDIVIDUAL', email: 'rosa.diaz@example.com', externalUserId: 'partner-user-rosa' };
const createUser = async (sandbox: Sandbox, body: Record<string, unknown> = newUser) => call(sandbox, API_PATHS.users, { method: 'POST', body });
const kycLink = (sandbox: Sandbox, userId: string, body: Record<string, unknown> = { country: 'MX' }) =>
  call(sandbox, API_PATHS.kycVerificationLink(userId), { method: 'POST', body });
const details = async (sandbox: Sandbox, userId: string) => (await call(sandbox, API_PATHS.kycDetails, { query: { userId } })).body;
/** Opens a KYC link as a browser would (the sandbox ignores the host). */
const openLink = (sandbox: Sandbox, link: string, init?: RequestInit) => sandbox.fetch(new URL(link).pathname, { redirect: 'manual', ...init });
const decide = (sandbox: Sandbox, link: string, decision: 'approve' | 'reject') =>
  openLink(sandbox, link, { method: 'POST', body: new URLSearchParams({ decision }) });

describe('POST /users', () => {
  it('answers 201 { userId } for a user whose KYC has not started: empty details, may not order', async () => {
    const { sandbox } = sandboxAt();
    const answer = await createUser(sandbox);
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body.data)).toEqual(['userId']);
    const { userId } = answer.body.data;
    expect(await details(sandbox, userId)).toEqual({ status: 'ok', data: {} });
    expect((await placeOrder(sandbox, { userId })).body.code).toBe('USER_NOT_VERIFIED_ERROR');
  });
});

describe('KYC: link, page, details', () => {
  it('gives a link to the sandbox page at the configured public URL; a new session makes the KYC IN_PROGRESS', async () => {
    const { sandbox } = sandboxAt({ publicUrl: 'http://localhost:5173/sandbox/' });
    const { userId } = (await createUser(sandbox)).body.data;
    const answer = await kycLink(sandbox, userId, { country: 'MX', partnerRedirectUri: 'https://partner.example/kyc-done' });
    expect(answer.status).toBe(201);
    expect(answer.body.data.kycLink).toMatch(/^http:\/\/localhost:5173\/sandbox\/kyc-verification\/[0-9a-f-]{36}$/);
    const body = await details(sandbox, userId);
    expect(body.data).toMatchObject({ aipriseSummary: { verificationResult: 'PENDING' }, idInfo: null, clientReferenceId: 'partner-user-rosa' });
  });

  it("without a public URL, links to the requesting origin", async () => {
    const { sandbox } = sandboxAt();
    const answer = await kycLink(sandbox, F.unverifiedUserId);
    expect(answer.body.data.kycLink).toMatch(/^http:\/\/sandbox\.invalid\/kyc-verification\//);
  });

  it('serves a page whose "Verify me" verifies the user and returns them to the partner (303)', async () => {
    const { sandbox } = sandboxAt();
    const { userId } = (await createUser(sandbox)).body.data;
    const link = (await kycLink(sandbox, userId, { country: 'MX', partnerRedirectUri: 'https://partner.example/kyc-done' })).body.data.kycLink;
    const page = await openLink(sandbox, link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<button name="decision" value="approve">Verify me</button>');

    const after = await decide(sandbox, link, 'approve');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('https://partner.example/kyc-done');
    expect((await details(sandbox, userId)).data).toMatchObject({
      aipriseSummary: { verificationResult: 'APPROVED' },
      idInfo: { firstName: DEFAULT_IDENTITY.firstName, lastName: DEFAULT_IDENTITY.lastName },
    });
    expect((await placeOrder(sandbox, { userId })).status).toBe(201);
  });

  it('"Reject me" rejects the user, and without a redirect shows the outcome', async () => {
    const { sandbox } = sandboxAt();
    const link = (await kycLink(sandbox, F.unverifiedUserId)).body.data.kycLink;
    const after = await decide(sandbox, link, 'reject');
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Identity rejected');
    expect((await details(sandbox, F.unverifiedUserId)).data.aipriseSummary).toEqual({ verificationResult: 'DECLINED' });
    expect((await placeOrder(sandbox, { userId: F.unverifiedUserId })).status).toBe(403);
  });

  it('answers 404 for a link it never gave', async () => {
    const { sandbox } = sandboxAt();
    expect((await sandbox.fetch(SANDBOX_PATHS.kycPage(crypto.randomUUID()))).status).toBe(404);
    expect((await sandbox.fetch(SANDBOX_PATHS.kycPage('nope'), { method: 'POST', body: new URLSearchParams({ decision: 'approve' }) })).status).toBe(404);
  });

  it("shows a verified fixture user's details in the identity provider's shape", async () => {
    const { sandbox } = sandboxAt();
    const answer = await call(sandbox, API_PATHS.kycDetails, { query: { userId: F.verifiedUserId } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'ok',
      data: {
        aipriseSummary: { verificationResult: 'APPROVED' },
        idInfo: {
          firstName: 'Ana', middleName: 'Lucía', lastName: 'García', secondLastName: 'Torres', fullName: 'Ana Lucía García Torres',
          birthDate: '1990-04-12', idType: 'NATIONAL_ID', idNumber: 'GATA900412MDFRRN08', nationality: 'MX', issuingCountry: 'MX',
          address: { streetLine1: 'Av. Reforma 222', city: 'Ciudad de México', postalCode: '06600', country: 'MX' },
        },
        amlInfo: { result: 'CLEAR', hits: [] },
        faceMatchInfo: { result: 'MATCH', score: 0.97 },
        fraudInsights: { riskLevel: 'LOW', signals: [] },
        media: {
          idFrontImageUrl: `https://kyc-media.sandbox.invalid/${F.verifiedKycSessionId}/id-front.jpg`,
          idBackImageUrl: `https://kyc-media.sandbox.invalid/${F.verifiedKycSessionId}/id-back.jpg`,
          selfieImageUrl: `https://kyc-media.sandbox.invalid/${F.verifiedKycSessionId}/selfie.jpg`,
        },
        clientReferenceId: F.externalUserIds.verified,
        createdAt: '2026-11-02T15:19:40.000Z',
        verificationSessionId: F.verifiedKycSessionId,
      },
    });
    // What a proxy reads of it:
    expect(kycDetailsAnswerSchema.parse(answer.body).data).toEqual({ aipriseSummary: { verificationResult: 'APPROVED' }, idInfo: { firstName: 'Ana', lastName: 'García' } });
  });

  it('sandbox.verifyUser lets an IN_PROGRESS fixture user order, with the name on their ID', async () => {
    const { sandbox } = sandboxAt();
    expect((await placeOrder(sandbox, { userId: F.unverifiedUserId })).status).toBe(403);
    sandbox.verifyUser(F.unverifiedUserId);
    expect((await placeOrder(sandbox, { userId: F.unverifiedUserId })).status).toBe(201);
    expect((await details(sandbox, F.unverifiedUserId)).data.idInfo).toMatchObject({ firstName: 'Carlos', lastName: 'Ruiz' });
    expect(() => sandbox.verifyUser(crypto.randomUUID())).toThrow(TypeError);
  });
});

describe('POST /receivers', () => {
  it('answers 201 with the receiver as listed (names, no tax id), payable at once; its own user cannot order', async () => {
    const { sandbox } = sandboxAt();
    const body = { userId: F.verifiedUserId, receiverType: 'INDIVIDUAL', email: 'pablo.ortiz@example.com', taxId: 'OIPP800101AB1', firstName: 'Pablo', lastName: 'Ortiz', countryOfBirth: 'MX' };
    const answer = await call(sandbox, API_PATHS.receivers, { method: 'POST', body });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({
      id: expect.any(String), userId: F.verifiedUserId, receiverType: 'INDIVIDUAL', email: 'pablo.ortiz@example.com',
      firstName: 'Pablo', lastName: 'Ortiz', disabled: false, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(),
    });
    const list = await call(sandbox, API_PATHS.receivers, { query: { userId: F.verifiedUserId } });
    expect(list.body.data.data).toContainEqual(answer.body.data);
    expect((await placeOrder(sandbox, { receiverId: answer.body.data.id })).status).toBe(201);
  });

  it('takes a business by its name', async () => {
    const { sandbox } = sandboxAt();
    const body = { userId: F.verifiedUserId, receiverType: 'BUSINESS', email: 'pagos@acme.example', taxId: 'ACM010101AB1', businessName: 'Acme SA de CV', countryOfConstitution: 'MX' };
    const answer = await call(sandbox, API_PATHS.receivers, { method: 'POST', body });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toMatchObject({ receiverType: 'BUSINESS', businessName: 'Acme SA de CV' });
  });
});

describe('POST /banks/users/{userId}/accounts', () => {
  const create = (sandbox: Sandbox, body: unknown, userId: string = F.verifiedUserId) =>
    call(sandbox, API_PATHS.bankAccounts(userId), { method: 'POST', body });

  it('answers 201 with an MX account in the list shape, PENDING, listed and payable', async () => {
    const { sandbox } = sandboxAt();
    const answer = await create(sandbox, { country: 'MX', accountIdentifier: '002180700948765434' });
    expect(answer.status).toBe(201);
    expect(answer.body.data).toEqual({
      id: expect.any(String), userId: F.verifiedUserId, partnerId: F.partnerId, country: 'MX', rampType: 'OFF_RAMP',
      clabe: '002180700948765434', accountNumber: null, accountType: null, bankName: null, documentNumber: null, documentType: null,
      isVerified: false, verificationStatus: 'PENDING', verifiedAt: null, createdAt: new Date(T0).toISOString(), updatedAt: new Date(T0).toISOString(),
    });
    savedBankAccountSchema.parse(answer.body.data);
    const list = await call(sandbox, API_PATHS.bankAccounts(F.verifiedUserId), { query: { id: answer.body.data.id } });
    expect(list.body.data.data).toEqual([answer.body.data]);
    const order = await placeOrder(sandbox, { userBankInformation: undefined, userBankInformationId: answer.body.data.id });
    expect(order.body.data.bankAccount).toMatchObject({ country: 'MX', accountIdentifier: '002180700948765434', isVerified: false });
  });

  it('keeps DO, US and SEPA fields under the list names (bank name as the list spells it)', async () => {
    const { sandbox } = sandboxAt();
    // The verified user already has the contract's DO account: another user saves it.
    const dominican = await create(sandbox, { ...dominicanBank, bankName: 'banco popular dominicano' }, F.otherUserId);
    expect(dominican.body.data).toMatchObject({ accountNumber: '9602123456', bankName: 'Banco Popular Dominicano', accountType: 'SAVINGS', documentNumber: '40212345678', documentType: 'CEDULA' });
    const us = await create(sandbox, usBank);
    expect(us.body.data).toMatchObject({ country: 'US', accountNumber: '483920175', bankName: 'JPMorgan Chase', routingNumber: '021000021' });
    const sepa = await create(sandbox, sepaBank);
    expect(sepa.body.data).toMatchObject({ country: 'DE', iban: sepaBank.iban, bic: 'COBADEFFXXX', accountNumber: null });
    const order = await placeOrder(sandbox, { fiatCurrency: 'EUR', userBankInformation: undefined, userBankInformationId: sepa.body.data.id });
    expect(order.body.data.bankAccount).toMatchObject({ country: 'DE', accountIdentifier: sepaBank.iban });
  });
});

describe('/banks/receivers/{receiverId}/accounts', () => {
  const path = API_PATHS.receiverBankAccounts(F.verifiedReceiverId);

  it("creates and lists the receiver's accounts apart from the user's", async () => {
    const { sandbox } = sandboxAt();
    const created = await call(sandbox, path, { method: 'POST', body: usBank });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ userId: F.verifiedUserId, country: 'US', accountNumber: '483920175' });
    expect((await call(sandbox, path)).body.data).toMatchObject({ count: 1, total: 1, data: [created.body.data] });
    const mine = (await call(sandbox, API_PATHS.bankAccounts(F.verifiedUserId))).body.data.data.map((account: { id: string }) => account.id);
    expect(mine).not.toContain(created.body.data.id);
  });

  it("pays into a receiver's account only when the order names that receiver", async () => {
    const { sandbox } = sandboxAt();
    const { id } = (await call(sandbox, path, { method: 'POST', body: usBank })).body.data;
    const paying = { fiatCurrency: 'USD', userBankInformation: undefined, userBankInformationId: id };
    expect((await placeOrder(sandbox, { ...paying, receiverId: F.verifiedReceiverId })).status).toBe(201);
    expect((await placeOrder(sandbox, paying)).body.code).toBe('USER_BANK_INFO_ACCESS_DENIED');
  });

  it('deletes softly: 200 with the account, then gone from the list and from orders', async () => {
    const { sandbox, advance } = sandboxAt();
    const { id } = (await call(sandbox, path, { method: 'POST', body: usBank })).body.data;
    advance(1_000);
    const deleted = await call(sandbox, API_PATHS.receiverBankAccount(F.verifiedReceiverId, id), { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data).toMatchObject({ id, updatedAt: new Date(T0 + 1_000).toISOString() });
    expect(deleted.body.data).not.toHaveProperty('deletedAt');
    expect((await call(sandbox, path)).body.data.total).toBe(0);
    const order = await placeOrder(sandbox, { fiatCurrency: 'USD', userBankInformation: undefined, userBankInformationId: id, receiverId: F.verifiedReceiverId });
    expect(order.body.code).toBe('USER_BANK_INFO_NOT_FOUND');
    // The same account may then be saved again.
    expect((await call(sandbox, path, { method: 'POST', body: usBank })).status).toBe(201);
  });
});
