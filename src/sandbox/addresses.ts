/**
 * Deterministic ids and wallet addresses. Each kind (order, quote, address) counts its own draws,
 * so what a seed yields depends only on how many of that kind came before, not on other traffic.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { addressFormat } from '../api/chains';

export interface IdSource {
  /** A version-4 UUID (the API's ids are UUIDs; the schemas check it). */
  uuid(kind: string): string;
  /** A fresh deposit address in the chain's own format: EIP-55 hex for EVM chains, base58 for SOL. */
  walletAddress(chain: string): string;
}

export const createIdSource = (seed: string): IdSource => {
  const counts = new Map<string, number>();
  const draw = (kind: string): Uint8Array => {
    const n = counts.get(kind) ?? 0;
    counts.set(kind, n + 1);
    return sha256(utf8ToBytes(`${seed}\u0000${kind}\u0000${n}`));
  };
  return {
    uuid: (kind) => toUuidV4(draw(kind)),
    // One counter for every chain: two orders can never share an address, whatever their chains.
    walletAddress: (chain) => {
      const bytes = draw('address');
      return addressFormat(chain) === 'solana' ? base58.encode(bytes) : toChecksumAddress(bytesToHex(bytes.subarray(0, 20)));
    },
  };
};

const toUuidV4 = (random: Uint8Array): string => {
  const bytes = random.slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * EIP-55: a hex letter is upper case where the keccak-256 of the lower-case address has a nibble
 * of 8 or more. Wallets check it, so a sandbox address must carry it to be pasted anywhere.
 */
export const toChecksumAddress = (address: string): string => {
  const lower = address.toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{40}$/.test(lower)) throw new TypeError(`Not a 20-byte hex address: ${address}`);
  const hash = bytesToHex(keccak_256(utf8ToBytes(lower)));
  return `0x${[...lower].map((char, i) => (Number.parseInt(hash[i]!, 16) >= 8 ? char.toUpperCase() : char)).join('')}`;
};
