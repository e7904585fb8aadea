/**
 * What a wallet needs to send a deposit by itself: each chain's id, each token's contract (or SPL
 * mint) and on-chain decimals, the payment request URIs wallets open (EIP-681 on EVM chains, Solana
 * Pay on Solana). Beside the chain table (chains.ts), which says
 * which token is sold on which chain.
 */
import { addressFormat, tokenDecimals, type BlockchainSymbol } from './chains';

/** EVM chain ids (EIP-155). Assumed: STK is EVM, but its chain id is unknown, so it gets no payment request. */
export const CHAIN_IDS: Partial<Record<BlockchainSymbol, number>> = {
  ETH: 1,
  OP: 10,
  BSC: 56,
  POL: 137,
  WLD: 480,
  BASE: 8453,
  ARB: 42161,
};

/**
 * A token as its chain knows it: the contract (EVM) or mint (Solana) address, absent for the
 * chain's own coin, and the decimals of its base unit.
 */
export interface OnChainToken {
  address?: string;
  decimals: number;
}

const native = (decimals: number): OnChainToken => ({ decimals });

/**
 * Tokens whose contract is known for certain. A pair missing here (USDC.e and wUSDL on Base, STK,
 * MATIC, the tokens of STK) is still sold: the user sends to the plain address, with no payment request.
 */
export const ON_CHAIN_TOKENS: Partial<Record<BlockchainSymbol, Record<string, OnChainToken>>> = {
  POL: {
    USDC: { address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', decimals: 6 },
    USDT: { address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', decimals: 6 },
    POL: native(18),
  },
  BSC: { BNB: native(18) },
  BASE: {
    USDC: { address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', decimals: 6 },
    USDbC: { address: '0xd9aAEc86B65D86f6A7B5B1b0c42FFA531710b6CA', decimals: 6 },
    MXNe: { address: '0x269caE7Dc59803e5C596c95756faEeBb6030E0aF', decimals: 6 },
    cbBTC: { address: '0xcbB7C0000aB88B473b1f5aFd9ef808440eed33Bf', decimals: 8 },
    ETH: native(18),
  },
  OP: { USDC: { address: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', decimals: 6 }, ETH: native(18) },
  ARB: { USDC: { address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', decimals: 6 }, ETH: native(18) },
  ETH: {
    USDC: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6 },
    wBTC: { address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', decimals: 8 },
    ETH: native(18),
  },
  WLD: { WLD: { address: '0x2cFc85d8E48F8EAB294be644d9E25C3030863003', decimals: 18 } },
  SOL: {
    USDC: { address: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', decimals: 6 },
    USDY: { address: 'A1KLoBrKBde8Ty9qtNQUtq3C2ortoC3u7twggz7sEto6', decimals: 6 },
    PYSUD: { address: '2b1kV6DkPAnxd5ixfnxCpjxmKwqjjaYmCZfHsFu24GXo', decimals: 6 },
    SOL: native(9),
  },
};

export const onChainToken = (chain: string, token: string): OnChainToken | undefined =>
  ON_CHAIN_TOKENS[chain as BlockchainSymbol]?.[token];

/** The exact amount as a plain decimal, as a wallet's amount field takes it ("1.5", never "1.5e-7"). */
export const decimalAmount = (amount: number, token: string): string => {
  const fixed = amount.toFixed(tokenDecimals(token));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
};

/** A plain decimal in the token's base units ("1.5" USDC is "1500000"); undefined if it has more decimals than the token. */
export const toBaseUnits = (amount: string, decimals: number): string | undefined => {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return undefined;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return undefined;
  return `${match[1]}${fraction.padEnd(decimals, '0')}`.replace(/^0+(?=\d)/, '');
};

/** Everything a wallet needs to make the deposit: what `onInitiateDeposit` receives. */
export interface DepositRequest {
  orderId: string;
  /** The order's deposit address. */
  destinationWalletAddress: string;
  /** The exact amount, as a plain decimal string. */
  amount: string;
  /** The same amount in the token's base units, when the token's contract is known. */
  baseUnits: string | undefined;
  tokenSymbol: string;
  /** The token's contract (EVM) or mint (Solana); undefined for the chain's own coin or an unknown token. */
  tokenAddress: string | undefined;
  blockchainSymbol: string;
  /** EIP-155 chain id; undefined on Solana and on chains without a known id. */
  chainId: number | undefined;
}

export interface DepositOrder {
  orderId: string;
  destinationWalletAddress: string;
  cryptoAmount: number;
  tokenSymbol: string;
  blockchainSymbol: string;
}

export const depositRequestOf = (order: DepositOrder): DepositRequest => {
  const token = onChainToken(order.blockchainSymbol, order.tokenSymbol);
  const amount = decimalAmount(order.cryptoAmount, order.tokenSymbol);
  return {
    orderId: order.orderId,
    destinationWalletAddress: order.destinationWalletAddress,
    amount,
    baseUnits: token ? toBaseUnits(amount, token.decimals) : undefined,
    tokenSymbol: order.tokenSymbol,
    tokenAddress: token?.address,
    blockchainSymbol: order.blockchainSymbol,
    chainId: CHAIN_IDS[order.blockchainSymbol as BlockchainSymbol],
  };
};

/**
 * The deposit as a payment request that wallets open with token, amount and network filled in:
 * EIP-681 (`ethereum:<token>@<chainId>/transfer?address=…&uint256=…`, or `?value=` in wei for the
 * chain's coin) and Solana Pay (`solana:<address>?amount=…&spl-token=<mint>`, amount in tokens).
 * Undefined when the token or chain is not known well enough to fill it in exactly.
 */
export const paymentRequestUri = (deposit: DepositRequest): string | undefined => {
  const token = onChainToken(deposit.blockchainSymbol, deposit.tokenSymbol);
  if (!token || deposit.baseUnits === undefined) return undefined;
  if (addressFormat(deposit.blockchainSymbol) === 'solana') {
    const query = new URLSearchParams({ amount: deposit.amount });
    if (token.address) query.set('spl-token', token.address);
    return `solana:${deposit.destinationWalletAddress}?${query}`;
  }
  if (deposit.chainId === undefined) return undefined;
  return token.address
    ? `ethereum:${token.address}@${deposit.chainId}/transfer?address=${deposit.destinationWalletAddress}&uint256=${deposit.baseUnits}`
    : `ethereum:${deposit.destinationWalletAddress}@${deposit.chainId}?value=${deposit.baseUnits}`;
};
