/**
 * The sandbox's seeded world: one partner with users in every state an order can meet, a second
 * partner (to be refused), and a partner whose flow is disabled. Ids are fixed so tests, stories
 * and the demo can name them.
 */
import type { BankAccountRecord, SeedRecords } from './store';

export const SANDBOX_FIXTURES = {
  /** The partner's key: everything below belongs to it unless named "other partner". */
  apiKey: 'sk_sandbox_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  partnerId: '2d4b6f80-1a3c-4e5f-8a7b-9c0d1e2f3a4b',
  /** A second partner: its user and bank account are refused to the first one. */
  otherPartnerApiKey: 'sk_sandbox_f9e8d7c6b5a4938271605f4e3d2c1b0a',
  otherPartnerId: '7f3e2a1b-5c4d-4e6f-9a8b-1c2d3e4f5a6b',
  /** A partner whose flow is disabled: every call answers 403 INVALID_PARTNER_FLOW. */
  disabledFlowApiKey: 'sk_sandbox_d15ab1edf10e00000000000000000000',
  disabledFlowPartnerId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',

  /** KYC VERIFIED: may place orders. */
  verifiedUserId: '8374f327-38bd-4b0b-b8a7-2524599eb903',
  /** KYC IN_PROGRESS: USER_NOT_VERIFIED_ERROR. */
  unverifiedUserId: '5e0c1a2b-3d4f-4a6b-8c7d-9e0f1a2b3c4d',
  /** The user record behind `verifiedReceiverId`: RECEIVER_CANNOT_INITIATE_TRANSACTION. */
  receiverUserId: '9b8a7c6d-5e4f-4321-8fed-cba987654321',
  /** Another verified user of the same partner: owns the "other user" receiver and bank account. */
  otherUserId: '1f2e3d4c-5b6a-4798-a6b5-c4d3e2f1a0b9',
  /** A verified user of the other partner: "User is not associated with the partner". */
  otherPartnerUserId: '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d',

  /** Receivers of the verified user: one verified, one not (the hidden flag). */
  verifiedReceiverId: '9486244c-ff7d-4c22-9984-797179d7deaa',
  unverifiedReceiverId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  /** A receiver of `otherUserId`: RECEIVER_USER_MISMATCH for the verified user. */
  otherUserReceiverId: '6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a',

  /** The verified user's saved accounts: MX (verified, CLABE below), MX (verification pending), DO. */
  bankAccountId: '0c9e5a3b-2f61-4d7a-9b8e-5a1c3d7e9f20',
  clabe: '014680260346007120',
  pendingBankAccountId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  dominicanBankAccountId: 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e',
  /** Of `otherUserId`: "does not belong to the specified user". */
  otherUserBankAccountId: '3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7',
  /** Of `otherPartnerUserId`: "belongs to a different partner". */
  otherPartnerBankAccountId: '8f9a0b1c-2d3e-4f4a-b5c6-d7e8f9a0b1c2',
} as const;

const F = SANDBOX_FIXTURES;
const SEEDED_AT = '2026-11-02T15:19:40.000Z';
const VERIFIED_AT = '2026-11-02T15:20:11.000Z';

/** A saved OFF_RAMP account; `details` holds the rail's own fields. */
const savedAccount = (
  id: string,
  userId: string,
  partnerId: string,
  verified: boolean,
  details: Partial<BankAccountRecord> & Pick<BankAccountRecord, 'country'>,
): BankAccountRecord => ({
  id,
  userId,
  partnerId,
  rampType: 'OFF_RAMP',
  clabe: null,
  accountNumber: null,
  accountType: null,
  bankName: null,
  documentNumber: null,
  documentType: null,
  isVerified: verified,
  verificationStatus: verified ? 'VERIFIED' : 'PENDING',
  verifiedAt: verified ? VERIFIED_AT : null,
  createdAt: SEEDED_AT,
  updatedAt: verified ? VERIFIED_AT : SEEDED_AT,
  ...details,
});

const mx = (id: string, userId: string, partnerId: string, clabe: string, verified: boolean) =>
  savedAccount(id, userId, partnerId, verified, { country: 'MX', clabe });

const receiver = (id: string, userId: string, email: string, verified: boolean) => ({
  id,
  userId,
  receiverType: 'INDIVIDUAL' as const,
  email,
  disabled: false,
  verified,
  createdAt: '2026-10-30T12:00:00.000Z',
  updatedAt: '2026-10-30T12:00:00.000Z',
});

/** A fresh copy each time: one sandbox's orders never touch another's records. */
export const seedRecords = (): SeedRecords => ({
  partners: [
    { id: F.partnerId, apiKey: F.apiKey, flowEnabled: true },
    { id: F.otherPartnerId, apiKey: F.otherPartnerApiKey, flowEnabled: true },
    { id: F.disabledFlowPartnerId, apiKey: F.disabledFlowApiKey, flowEnabled: false },
  ],
  users: [
    { id: F.verifiedUserId, partnerId: F.partnerId, kycStatus: 'VERIFIED' },
    { id: F.unverifiedUserId, partnerId: F.partnerId, kycStatus: 'IN_PROGRESS' },
    { id: F.receiverUserId, partnerId: F.partnerId, kycStatus: 'VERIFIED', receiverId: F.verifiedReceiverId },
    { id: F.otherUserId, partnerId: F.partnerId, kycStatus: 'VERIFIED' },
    { id: F.otherPartnerUserId, partnerId: F.otherPartnerId, kycStatus: 'VERIFIED' },
  ],
  receivers: [
    receiver(F.verifiedReceiverId, F.verifiedUserId, 'maria.lopez@example.com', true),
    receiver(F.unverifiedReceiverId, F.verifiedUserId, 'jose.perez@example.com', false),
    receiver(F.otherUserReceiverId, F.otherUserId, 'lucia.ramos@example.com', true),
  ],
  bankAccounts: [
    mx(F.bankAccountId, F.verifiedUserId, F.partnerId, F.clabe, true),
    mx(F.pendingBankAccountId, F.verifiedUserId, F.partnerId, '012180012345678909', false),
    savedAccount(F.dominicanBankAccountId, F.verifiedUserId, F.partnerId, true, {
      country: 'DO',
      accountNumber: '9602123456',
      accountType: 'SAVINGS',
      bankName: 'Banco Popular Dominicano',
      documentNumber: '40212345678',
      documentType: 'CEDULA',
    }),
    mx(F.otherUserBankAccountId, F.otherUserId, F.partnerId, '002180000000000012', true),
    mx(F.otherPartnerBankAccountId, F.otherPartnerUserId, F.otherPartnerId, '072180011223344558', true),
  ],
});
