/**
 * The sandbox's memory: the records it was seeded with (fixtures.ts) and what its callers created.
 * Plain maps; the rules live in the modules that read them.
 */
import type { AccountHolderType, KycStatus, OrderStatus } from '../api/contract';
import type { Quote } from '../api/schemas';

export interface PartnerRecord {
  id: string;
  apiKey: string;
  /** false: every call answers 403 INVALID_PARTNER_FLOW. */
  flowEnabled: boolean;
  /** Set by `PUT /webhook-settings`; null: no webhooks. */
  webhookUrl: string | null;
  /** The shared secret that signs this partner's webhooks (`capa-signature`). */
  webhookSecret: string;
}

/** What the identity provider read from the user's ID; the KYC details show it. */
export interface KycIdentity {
  firstName: string;
  middleName: string | null;
  lastName: string;
  secondLastName: string | null;
  birthDate: string;
  idType: string;
  idNumber: string;
  nationality: string;
  address: { streetLine1: string; city: string; postalCode: string; country: string };
}

/** One KYC session, opened by a verification link; its page decides the user's KYC. */
export interface KycSessionRecord {
  id: string;
  userId: string;
  country: string;
  redirectUri: string | null;
  createdAt: string;
}

export interface UserRecord {
  id: string;
  partnerId: string;
  kycStatus: KycStatus;
  /** Set when this user record is a receiver's own account (such a user cannot place orders). */
  receiverId?: string;
  /** The partner's own id for the user (`POST /users`); webhooks name the user by it. Null for a receiver's own account. */
  externalUserId: string | null;
  /** Known once the user has shown an ID (a KYC session past its start). */
  identity: KycIdentity | null;
  /** The latest KYC session, if any. */
  kycSessionId: string | null;
}

export interface ReceiverRecord {
  id: string;
  /** The user who pays this receiver. */
  userId: string;
  receiverType: AccountHolderType;
  email: string;
  firstName?: string;
  lastName?: string;
  businessName?: string;
  disabled: boolean;
  /** Hidden: the API shows no receiver KYC field, yet refuses orders to unverified receivers. */
  verified: boolean;
  /** Hidden: given at creation, never listed (tax ids and birth countries are personal data). */
  taxId?: string;
  countryOfBirth?: string;
  countryOfConstitution?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A saved bank account, in the list's shape (`clabe`, `accountNumber`, `documentNumber`) but for
 * `receiverId` and `deletedAt`, which the list does not show.
 */
export interface BankAccountRecord {
  id: string;
  /** The user the account belongs to; for a receiver's account, the user who pays that receiver. */
  userId: string;
  /** Set for a receiver's account (`/banks/receivers/{receiverId}/accounts`). */
  receiverId: string | null;
  partnerId: string;
  country: string;
  rampType: 'ON_RAMP' | 'OFF_RAMP';
  clabe: string | null;
  accountNumber: string | null;
  accountType: string | null;
  bankName: string | null;
  documentNumber: string | null;
  documentType: string | null;
  /** Assumed (the list shows them for SEPA and US items only): left out for MX and DO. */
  iban?: string;
  bic?: string;
  routingNumber?: string;
  isVerified: boolean;
  verificationStatus: 'PENDING' | 'VERIFIED' | 'FAILED';
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** A receiver's account is deleted softly: kept, but no longer listed or payable. */
  deletedAt: string | null;
}

/** A saved account's rail fields, none set: each rail fills in its own (`clabe`, `iban`, …). */
export const NO_RAIL_FIELDS = {
  clabe: null,
  accountNumber: null,
  accountType: null,
  bankName: null,
  documentNumber: null,
  documentType: null,
} as const satisfies Partial<BankAccountRecord>;

export interface QuoteRecord extends Quote {
  partnerId: string;
}

/** The order's bank account, in the order's shape (`accountIdentifier`, `documentIdentifier`). */
export interface OrderBankAccount {
  country: string;
  accountIdentifier: string | null;
  isVerified: boolean;
  bankName: string | null;
  accountType: string | null;
  documentIdentifier: string | null;
  documentType: string | null;
}

export interface OrderRecord {
  id: string;
  userId: string;
  partnerId: string;
  status: OrderStatus;
  cryptoAmount: number;
  fiatAmount: number;
  exchangeRate: number;
  tokenSymbol: string;
  blockchainSymbol: string;
  fiatCurrency: string;
  premiumSpread: number;
  createdAt: string;
  completedAt: string | null;
  destinationWalletAddress: string;
  bankAccount: OrderBankAccount;
  receiverId: string | null;
  quoteId: string | null;
  transactionHash: string | null;
  cancellationReason: string | null;
  /** Statuses still ahead, taken one per poll (and per tick when ticks are on). */
  upcoming: OrderStatus[];
  /** The reason written if `upcoming` ends in CANCELLED (a staging amount's penny-test failure). */
  plannedCancellationReason: string | null;
  /** The sandbox-clock time the last tick was counted from. */
  tickedAt: number;
  /**
   * Assumed (the contract: execute "starts the payout … and the sandbox then walks the happy path"):
   * an order waits for its crypto, however often it is read, until `execute` says it was sent.
   */
  walking: boolean;
  /** Creation order: the tie-break when two orders share a timestamp (a frozen test clock). */
  sequence: number;
  /**
   * Sandbox-clock ms from which an order never executed is EXPIRED: its quote's `expiresAt`, or
   * for an order without a quote its creation plus the quote lifetime then in force.
   */
  expiresAt: number;
}

export interface SeedRecords {
  partners: PartnerRecord[];
  users: UserRecord[];
  receivers: ReceiverRecord[];
  bankAccounts: BankAccountRecord[];
  kycSessions: KycSessionRecord[];
}

export interface Store {
  /** By API key: every request starts there. */
  partnersByKey: Map<string, PartnerRecord>;
  partnersById: Map<string, PartnerRecord>;
  kycSessions: Map<string, KycSessionRecord>;
  users: Map<string, UserRecord>;
  receivers: Map<string, ReceiverRecord>;
  bankAccounts: Map<string, BankAccountRecord>;
  quotes: Map<string, QuoteRecord>;
  orders: Map<string, OrderRecord>;
}

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((record) => [record.id, record]));

export const createStore = (seed: SeedRecords): Store => ({
  partnersByKey: new Map(seed.partners.map((partner) => [partner.apiKey, partner])),
  partnersById: byId(seed.partners),
  kycSessions: byId(seed.kycSessions),
  users: byId(seed.users),
  receivers: byId(seed.receivers),
  bankAccounts: byId(seed.bankAccounts),
  quotes: new Map(),
  orders: new Map(),
});
