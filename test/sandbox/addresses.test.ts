// @vitest-environment node
/** Deposit addresses: valid for their chain (EIP-55 / base58), fresh per order, fixed by the seed. */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_FIXTURES, type Sandbox } from '../../src/sandbox';
import { placeOrder, sandboxAt } from './helpers';

/** EIP-55, written here from its definition rather than imported from the code under test. */
const hasEip55Checksum = (address: string): boolean => {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false;
  const hex = address.slice(2);
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()));
  return [...hex].every((char, i) => {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    return /[0-9]/.test(char) || char === (nibble >= 8 ? char.toUpperCase() : char.toLowerCase());
  });
};

const addresses = async (sandbox: Sandbox, count: number, overrides: Record<string, unknown> = {}) => {
  const found: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = await placeOrder(sandbox, overrides);
    expect(answer.status).toBe(201);
    found.push(answer.body.data.destinationWalletAddress);
  }
  return found;
};

describe('the test checksum itself', () => {
  it('accepts the EIP-55 examples and refuses a flipped case', () => {
    for (const address of ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359']) {
      expect(hasEip55Checksum(address)).toBe(true);
    }
    expect(hasEip55Checksum('0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(false);
  });
});

describe('destinationWalletAddress', () => {
  it('is 0x + 40 hex with a correct EIP-55 checksum on every EVM chain, and unique across 50 orders', async () => {
    const { sandbox } = sandboxAt();
    const chains = [
      { blockchainSymbol: 'POL', tokenSymbol: 'USDC' },
      { blockchainSymbol: 'BASE', tokenSymbol: 'USDC' },
      { blockchainSymbol: 'ETH', tokenSymbol: 'USDC' },
      { blockchainSymbol: 'ARB', tokenSymbol: 'USDC' },
      { blockchainSymbol: 'STK', tokenSymbol: 'USDC' },
    ];
    const found = (await Promise.all(chains.map((chain) => addresses(sandbox, 10, chain)))).flat();
    expect(found).toHaveLength(50);
    for (const address of found) expect(hasEip55Checksum(address), address).toBe(true);
    // Mixed case shows the checksum is really applied (all-lower would pass a lenient check).
    expect(found.some((address) => /[A-F]/.test(address) && /[a-f]/.test(address))).toBe(true);
    expect(new Set(found.map((address) => address.toLowerCase())).size).toBe(50);
  });

  it('is base58 of 32 bytes on SOL (32–44 characters)', async () => {
    const { sandbox } = sandboxAt();
    for (const address of await addresses(sandbox, 20, { blockchainSymbol: 'SOL', tokenSymbol: 'USDC' })) {
      expect(address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
      expect(base58.decode(address)).toHaveLength(32);
    }
  });

  it('is the same for the same seed and the same orders, and differs for another seed', async () => {
    const run = async (seed: string) => {
      const sandbox = createSandbox({ seed, now: () => 0 });
      return [...(await addresses(sandbox, 3)), ...(await addresses(sandbox, 2, { blockchainSymbol: 'SOL', tokenSymbol: 'USDC' }))];
    };
    const first = await run('partner-test');
    expect(await run('partner-test')).toEqual(first);
    expect(await run('another-seed')).not.toEqual(first);
  });

  it('makes order ids deterministic for a seed too', async () => {
    const ids = async () => {
      const sandbox = createSandbox({ seed: 'ids', now: () => 0 });
      return [(await placeOrder(sandbox)).body.data.id, (await placeOrder(sandbox)).body.data.id];
    };
    const first = await ids();
    expect(await ids()).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
  });

  it('differs between two unseeded sandboxes', async () => {
    const [a, b] = [createSandbox(), createSandbox()];
    expect((await placeOrder(a)).body.data.destinationWalletAddress).not.toBe((await placeOrder(b)).body.data.destinationWalletAddress);
    expect(a.fixtures).toBe(SANDBOX_FIXTURES);
  });
});
