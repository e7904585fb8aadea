/**
 * The sandbox's memory: the records it was seeded with (fixtures.ts) and what its callers created.
 * Plain maps; the rules live in the modules that read them.
 */
import type { KycStatus, OrderStatus } from '../api/contract';
import type { Quote } from '../api/schemas';

export interface PartnerRecord {
  id: string;
  apiKey: string;
  /** false: every call answers 403 INVALID_PARTNER_FLOW. */
  flowEnabled: boolean;
}

export interface UserRecord {
  id: string;
  partnerId: string;
  kycStatus: KycStatus;
  /** Set when this user record is a receiver's own account (such a user cannot place orders). */
  receiverId?: string;
}

export interface ReceiverRecord {
  id: string;
  /** The user who pays this receiver. */
  userId: string;
  receiverType: 'INDIVIDUAL' | 'BUSINESS';
  email: string;
  disabled: boolean;
  /** Hidden: the API shows no receiver KYC field, yet refuses orders to unverified receivers. */
  verified: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A saved bank account, already in the list's shape (`clabe`, `accountNumber`, `documentNumber`). */
export interface BankAccountRecord {
  id: string;
  userId: string;
  partnerId: string;
  country: string;
  rampType: 'ON_RAMP' | 'OFF_RAMP';
  clabe: string | null;
  accountNumber: string | null;
  accountType: string | null;
  bankName: string | null;
  documentNumber: string | null;
  documentType: string | null;
  isVerified: boolean;
  verificationStatus: 'PENDING' | 'VERIFIED' | 'FAILED';
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

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
}

export interface SeedRecords {
  partners: PartnerRecord[];
  users: UserRecord[];
  receivers: ReceiverRecord[];
  bankAccounts: BankAccountRecord[];
}

export interface Store {
  /** By API key: every request starts there. */
  partnersByKey: Map<string, PartnerRecord>;
  users: Map<string, UserRecord>;
  receivers: Map<string, ReceiverRecord>;
  bankAccounts: Map<string, BankAccountRecord>;
  quotes: Map<string, QuoteRecord>;
  orders: Map<string, OrderRecord>;
}

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((record) => [record.id, record]));

export const createStore = (seed: SeedRecords): Store => ({
  partnersByKey: new Map(seed.partners.map((partner) => [partner.apiKey, partner])),
  users: byId(seed.users),
  receivers: byId(seed.receivers),
  bankAccounts: byId(seed.bankAccounts),
  quotes: new Map(),
  orders: new Map(),
});
