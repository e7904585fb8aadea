/**
 * A pretend wallet for the demo page: it shows what the widget asked it to send and answers with a
 * made-up transaction hash of the chain's own format, so the "Send from your wallet" path can be
 * seen and tested with no wallet installed.
 */
import { base58 } from '@scure/base';
import { useEffect, useRef } from 'react';
import { addressFormat, chainName } from '../api/chains';
import type { DepositRequest } from '../api/deposit';

export interface WalletRequest {
  deposit: DepositRequest;
  resolve: (answer: { transactionHash: string }) => void;
  reject: (reason: Error) => void;
}

const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** A hash as the chain writes it: 0x + 64 hex on EVM chains, a base58 64-byte signature on Solana. */
export const fakeTransactionHash = (chain: string) =>
  addressFormat(chain) === 'solana'
    ? base58.encode(randomBytes(64))
    : `0x${Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, '0')).join('')}`;

export function DemoWallet({ request, onDone }: { request: WalletRequest; onDone: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { deposit } = request;
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const answer = (send: boolean) => {
    if (send) request.resolve({ transactionHash: fakeTransactionHash(deposit.blockchainSymbol) });
    else request.reject(new Error('The user rejected the transfer'));
    dialog.current?.close();
    onDone();
  };
  return (
    <dialog
      ref={dialog}
      aria-labelledby="demo-wallet-title"
      onCancel={() => answer(false)}
      style={{ borderRadius: 12, border: '1px solid #cfd4dc', maxWidth: 360, fontFamily: 'system-ui, sans-serif' }}
    >
      <h2 id="demo-wallet-title" style={{ fontSize: '1.1rem', marginTop: 0 }}>
        Demo wallet
      </h2>
      <p>
        Send <strong>{deposit.amount} {deposit.tokenSymbol}</strong> on {chainName(deposit.blockchainSymbol)}
        {deposit.chainId ? ` (chain ${deposit.chainId})` : ''} to
      </p>
      <p style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{deposit.destinationWalletAddress}</p>
      {deposit.tokenAddress && <p style={{ fontSize: 12, color: '#5b6270', overflowWrap: 'anywhere' }}>Token {deposit.tokenAddress}</p>}
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={() => answer(false)}>
          Reject
        </button>
        <button type="button" onClick={() => answer(true)}>
          Send
        </button>
      </div>
    </dialog>
  );
}
