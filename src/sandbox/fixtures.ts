/**
 * The sandbox's seeded world: one partner with users in every state an order can meet, a second
 * partner (to be refused), and a partner whose flow is disabled. Ids are fixed so tests, stories
 * and the demo can name them.
 */
import { NO_RAIL_FIELDS, type BankAccountRecord, type KycIdentity, type SeedRecords, type UserRecord } from './store';

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
  /** The partner's webhook secret: every webhook it receives is signed with it (`capa-signature`). */
  webhookSecret: 'whsec_sandbox_5f1c2a9e7b3d4c6a8e0f1b2d3c4a5e6f',
  /** The other partner's webhook secret. */
  otherPartnerWebhookSecret: 'whsec_sandbox_a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5',

  /** KYC VERIFIED (Ana García): may place orders. */
  verifiedUserId: '8374f327-38bd-4b0b-b8a7-2524599eb903',
  /** KYC VERIFIED (Elena Castro), with no saved account and no receiver yet: a new seller. */
  newUserId: 'd6e7f8a9-b0c1-4d2e-9f3a-4b5c6d7e8f90',
  /** KYC IN_PROGRESS (Carlos Ruiz, ID shown, no decision yet): USER_NOT_VERIFIED_ERROR until verified. */
  unverifiedUserId: '5e0c1a2b-3d4f-4a6b-8c7d-9e0f1a2b3c4d',
  /** The partner's own ids of the users above (`externalUserId`), which webhooks carry. */
  externalUserIds: { verified: 'partner-user-ana', unverified: 'partner-user-carlos', new: 'partner-user-elena' },
  /** The KYC sessions of the two users above. */
  verifiedKycSessionId: 'a3f0c6d2-7b1e-4c59-9d84-2e6f0b1a7c35',
  unverifiedKycSessionId: 'e8b2d4f6-1a3c-4e5f-b7d9-0c2e4a6b8d1f',
  newUserKycSessionId: 'f1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
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
  ...NO_RAIL_FIELDS,
  isVerified: verified,
  verificationStatus: verified ? 'VERIFIED' : 'PENDING',
  verifiedAt: verified ? VERIFIED_AT : null,
  createdAt: SEEDED_AT,
  updatedAt: verified ? VERIFIED_AT : SEEDED_AT,
  receiverId: null,
  deletedAt: null,
  ...details,
});

const address = (streetLine1: string, city: string, postalCode: string, country: string) => ({ streetLine1, city, postalCode, country });

/** What the fixture users' IDs say (the KYC details show it). */
const IDENTITIES = {
  ana: {
    firstName: 'Ana', middleName: 'Lucía', lastName: 'García', secondLastName: 'Torres', birthDate: '1990-04-12',
    idType: 'NATIONAL_ID', idNumber: 'GATA900412MDFRRN08', nationality: 'MX', address: address('Av. Reforma 222', 'Ciudad de México', '06600', 'MX'),
  },
  carlos: {
    firstName: 'Carlos', middleName: null, lastName: 'Ruiz', secondLastName: 'Méndez', birthDate: '1985-09-30',
    idType: 'NATIONAL_ID', idNumber: 'RUMC850930HJCZNR02', nationality: 'MX', address: address('Calle Hidalgo 15', 'Guadalajara', '44100', 'MX'),
  },
  maria: {
    firstName: 'María', middleName: null, lastName: 'López', secondLastName: 'Vega', birthDate: '1992-01-23',
    idType: 'NATIONAL_ID', idNumber: 'LOVM920123MDFPGR05', nationality: 'MX', address: address('Calle Madero 8', 'Puebla', '72000', 'MX'),
  },
  diego: {
    firstName: 'Diego', middleName: null, lastName: 'Hernández', secondLastName: 'Soto', birthDate: '1988-07-04',
    idType: 'NATIONAL_ID', idNumber: 'HESD880704HNLRTG09', nationality: 'MX', address: address('Av. Constitución 410', 'Monterrey', '64000', 'MX'),
  },
  elena: {
    firstName: 'Elena', middleName: null, lastName: 'Castro', secondLastName: 'Ibarra', birthDate: '1993-03-08',
    idType: 'NATIONAL_ID', idNumber: 'CAIE930308MDFSBL01', nationality: 'MX', address: address('Av. Juárez 30', 'Ciudad de México', '06050', 'MX'),
  },
  sofia: {
    firstName: 'Sofía', middleName: null, lastName: 'Martínez', secondLastName: null, birthDate: '1995-11-17',
    idType: 'PASSPORT', idNumber: 'G12345678', nationality: 'MX', address: address('Calle 60 No. 491', 'Mérida', '97000', 'MX'),
  },
} as const satisfies Record<string, KycIdentity>;

const user = (
  id: string,
  partnerId: string,
  kycStatus: UserRecord['kycStatus'],
  externalUserId: string | null,
  identity: KycIdentity | null,
  extra: Partial<UserRecord> = {},
): UserRecord => ({ id, partnerId, kycStatus, externalUserId, identity, kycSessionId: null, ...extra });

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
    { id: F.partnerId, apiKey: F.apiKey, flowEnabled: true, webhookUrl: null, webhookSecret: F.webhookSecret },
    { id: F.otherPartnerId, apiKey: F.otherPartnerApiKey, flowEnabled: true, webhookUrl: null, webhookSecret: F.otherPartnerWebhookSecret },
    { id: F.disabledFlowPartnerId, apiKey: F.disabledFlowApiKey, flowEnabled: false, webhookUrl: null, webhookSecret: F.otherPartnerWebhookSecret },
  ],
  users: [
    user(F.verifiedUserId, F.partnerId, 'VERIFIED', F.externalUserIds.verified, IDENTITIES.ana, { kycSessionId: F.verifiedKycSessionId }),
    user(F.newUserId, F.partnerId, 'VERIFIED', F.externalUserIds.new, IDENTITIES.elena, { kycSessionId: F.newUserKycSessionId }),
    user(F.unverifiedUserId, F.partnerId, 'IN_PROGRESS', F.externalUserIds.unverified, IDENTITIES.carlos, { kycSessionId: F.unverifiedKycSessionId }),
    user(F.receiverUserId, F.partnerId, 'VERIFIED', null, IDENTITIES.maria, { receiverId: F.verifiedReceiverId }),
    user(F.otherUserId, F.partnerId, 'VERIFIED', 'partner-user-diego', IDENTITIES.diego),
    user(F.otherPartnerUserId, F.otherPartnerId, 'VERIFIED', 'other-partner-user-sofia', IDENTITIES.sofia),
  ],
  kycSessions: [
    { id: F.verifiedKycSessionId, userId: F.verifiedUserId, country: 'MX', redirectUri: null, createdAt: SEEDED_AT },
    { id: F.unverifiedKycSessionId, userId: F.unverifiedUserId, country: 'MX', redirectUri: null, createdAt: SEEDED_AT },
    { id: F.newUserKycSessionId, userId: F.newUserId, country: 'MX', redirectUri: null, createdAt: SEEDED_AT },
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
