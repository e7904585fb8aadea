/**
 * The open order kept in `sessionStorage`, so a tab the browser discarded while the user was in a
 * wallet app comes back to the same address and the true time left. It holds what the deposit
 * needs and nothing else: never a bank detail, never a name.
 */
import * as z from 'zod/mini';
import type { Deposit } from './types';

const KEY_PREFIX = 'offramp-widget:order:';

const storedOrderSchema = z.object({
  orderId: z.string(),
  destinationWalletAddress: z.string(),
  cryptoAmount: z.number(),
  tokenSymbol: z.string(),
  blockchainSymbol: z.string(),
  fiatAmount: z.number(),
  fiatCurrency: z.string(),
  expiresAt: z.string(),
  clockSkewMs: z.number(),
  /** The user said the crypto was sent (execute was accepted): the order is followed. */
  executed: z.boolean(),
});
export type StoredOrder = z.output<typeof storedOrderSchema>;

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
        const parsed = text ? storedOrderSchema.safeParse(JSON.parse(text)) : undefined;
        return parsed?.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    write(deposit: Deposit, executed: boolean) {
      // Field by field: whatever else a caller's object carries is never written.
      const stored: StoredOrder = {
        orderId: deposit.orderId,
        destinationWalletAddress: deposit.destinationWalletAddress,
        cryptoAmount: deposit.cryptoAmount,
        tokenSymbol: deposit.tokenSymbol,
        blockchainSymbol: deposit.blockchainSymbol,
        fiatAmount: deposit.fiatAmount,
        fiatCurrency: deposit.fiatCurrency,
        expiresAt: deposit.expiresAt,
        clockSkewMs: deposit.clockSkewMs,
        executed,
      };
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
