/**
 * The open order kept in `sessionStorage`, so a tab the browser discarded while the user was in a
 * wallet app comes back to the same address and the true time left. It holds what the deposit
 * needs and nothing else: never a bank detail, never a name.
 */
import { readFields, type FieldKind } from '../api/fields';
import type { Deposit } from './types';

const KEY_PREFIX = 'offramp-widget:order:';

export interface StoredOrder extends Deposit {
  /** The user said the crypto was sent (execute was accepted): the order is followed. */
  executed: boolean;
}

/** Each stored field and its type: read at mount, so checked without a schema library. */
const STORED_FIELDS = {
  orderId: 'string',
  destinationWalletAddress: 'string',
  cryptoAmount: 'number',
  tokenSymbol: 'string',
  blockchainSymbol: 'string',
  fiatAmount: 'number',
  fiatCurrency: 'string',
  expiresAt: 'string',
  clockSkewMs: 'number',
  executed: 'boolean',
} as const satisfies Record<keyof StoredOrder, FieldKind>;

/** The stored order, its fields alone; undefined when anything is missing or of another type. */
const readStoredOrder = (value: unknown) => readFields(value, STORED_FIELDS) as StoredOrder | undefined;

/** sessionStorage, or undefined where there is none or it refuses access (a sandboxed frame, private modes). */
const sessionStore = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};

/** One open order per proxy: two widgets on two proxies never resume each other's order. */
export const orderStorage = (proxyUrl: string) => {
  const key = `${KEY_PREFIX}${proxyUrl}`;
  return {
    read(): StoredOrder | undefined {
      try {
        const text = sessionStore()?.getItem(key);
        return text ? readStoredOrder(JSON.parse(text)) : undefined;
      } catch {
        return undefined;
      }
    },
    write(deposit: Deposit, executed: boolean) {
      // Field by field, the stored fields alone: whatever else a caller's object carries is never written.
      const order: StoredOrder = { ...deposit, executed };
      const stored = Object.fromEntries(Object.keys(STORED_FIELDS).map((name) => [name, order[name as keyof StoredOrder]]));
      try {
        sessionStore()?.setItem(key, JSON.stringify(stored));
      } catch {
        // Full or refused: the order still shows; only a reload would lose it.
      }
    },
    forget() {
      try {
        sessionStore()?.removeItem(key);
      } catch {
        // Nothing to forget where nothing could be stored.
      }
    },
  };
};
