// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHAIN_TOKENS } from '../../src/api/chains';
import { decimalAmount, depositRequestOf, ON_CHAIN_TOKENS, paymentRequestUri, toBaseUnits } from '../../src/api/deposit';
import { isTransactionHash } from '../../src/api/transactionHash';
import { createIdSource } from '../../src/sandbox/addresses';

const order = (blockchainSymbol: string, tokenSymbol: string, cryptoAmount: number, destinationWalletAddress = '0x7796d4f304bd84171ee6730ad0f69c07a47e786d') => ({
  orderId: '63f51f11-6869-47b0-a109-ddb50ef20efb',
  destinationWalletAddress,
  cryptoAmount,
  tokenSymbol,
  blockchainSymbol,
});

describe('amounts for wallets', () => {
  it('writes the exact amount as a plain decimal, never in exponent notation', () => {
    expect(decimalAmount(100, 'USDC')).toBe('100');
    expect(decimalAmount(1.5, 'USDC')).toBe('1.5');
    expect(decimalAmount(0.0000001, 'ETH')).toBe('0.0000001');
    expect(decimalAmount(1.0000001, 'USDC')).toBe('1');
  });

  it('turns a decimal into base units, refusing more decimals than the token has', () => {
    expect(toBaseUnits('1.5', 6)).toBe('1500000');
    expect(toBaseUnits('0.000001', 6)).toBe('1');
    expect(toBaseUnits('0.01', 18)).toBe('10000000000000000');
    expect(toBaseUnits('12', 0)).toBe('12');
    expect(toBaseUnits('1.2300', 2)).toBe('123');
    expect(toBaseUnits('0.0000001', 6)).toBeUndefined();
    expect(toBaseUnits('1e-7', 18)).toBeUndefined();
  });
});

describe('payment requests', () => {
  it('is an EIP-681 token transfer on EVM chains, with the chain id, the contract and base units', () => {
    const deposit = depositRequestOf(order('BASE', 'USDC', 250.75));
    expect(deposit).toMatchObject({ amount: '250.75', baseUnits: '250750000', chainId: 8453, tokenAddress: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913' });
    expect(paymentRequestUri(deposit)).toBe(
      'ethereum:0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913@8453/transfer?address=0x7796d4f304bd84171ee6730ad0f69c07a47e786d&uint256=250750000',
    );
  });

  it("is an EIP-681 value transfer in wei for the chain's own coin", () => {
    expect(paymentRequestUri(depositRequestOf(order('ARB', 'ETH', 0.05)))).toBe(
      'ethereum:0x7796d4f304bd84171ee6730ad0f69c07a47e786d@42161?value=50000000000000000',
    );
  });

  it('is a Solana Pay transfer request on Solana, with the amount in tokens and the mint', () => {
    const address = createIdSource('deposit-test').walletAddress('SOL');
    expect(paymentRequestUri(depositRequestOf(order('SOL', 'USDC', 12.5, address)))).toBe(
      `solana:${address}?amount=12.5&spl-token=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v`,
    );
    expect(paymentRequestUri(depositRequestOf(order('SOL', 'SOL', 0.25, address)))).toBe(`solana:${address}?amount=0.25`);
  });

  it('is left out where the token or the chain is not known for certain', () => {
    expect(paymentRequestUri(depositRequestOf(order('STK', 'USDC', 10)))).toBeUndefined();
    expect(paymentRequestUri(depositRequestOf(order('BASE', 'wUSDL', 10)))).toBeUndefined();
  });

  it('knows only pairs the chain table sells', () => {
    for (const [chain, tokens] of Object.entries(ON_CHAIN_TOKENS)) {
      for (const token of Object.keys(tokens)) expect(CHAIN_TOKENS[chain as keyof typeof CHAIN_TOKENS] as readonly string[]).toContain(token);
    }
  });
});

describe('transaction hashes', () => {
  it('takes 0x and 64 hex digits on EVM chains only', () => {
    expect(isTransactionHash('POL', `0x${'ab'.repeat(32)}`)).toBe(true);
    expect(isTransactionHash('POL', `0x${'ab'.repeat(31)}`)).toBe(false);
    expect(isTransactionHash('POL', `${'ab'.repeat(32)}`)).toBe(false);
    expect(isTransactionHash('SOL', `0x${'ab'.repeat(32)}`)).toBe(false);
  });

  it('takes a base58 64-byte signature on Solana', () => {
    const signature = '5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW';
    expect(isTransactionHash('SOL', signature)).toBe(true);
    expect(isTransactionHash('SOL', signature.slice(0, -4))).toBe(false);
    expect(isTransactionHash('SOL', `${signature.slice(0, -1)}0`)).toBe(false);
  });
});
