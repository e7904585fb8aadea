/**
 * The shape of a transfer's hash on each chain, checked before it is sent to the API. Its own
 * module: base58 decoding is paid for only where a hash is typed (the lazily loaded Send step).
 */
import { base58 } from '@scure/base';
import { addressFormat } from './chains';

const decodesTo = (text: string, length: number): boolean => {
  try {
    return base58.decode(text).length === length;
  } catch {
    return false;
  }
};

/** A transfer's hash as the chain writes it: 32-byte hex on EVM chains, a 64-byte base58 signature on SOL. */
export const isTransactionHash = (chain: string, hash: string): boolean =>
  addressFormat(chain) === 'solana' ? decodesTo(hash, 64) : /^0x[0-9a-fA-F]{64}$/.test(hash);
