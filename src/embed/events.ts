/**
 * The widget's event props, each mapped once to a protocol event. Each payload is built field by
 * field, so a bank detail or a name the widget's own event holds (an order's bank account, say)
 * never leaves the frame.
 */
import type { OffRampWidgetProps } from '../widget/types';
import type { EmbedEvent } from './protocol';

type EventProps = Required<Pick<OffRampWidgetProps, 'onStepChange' | 'onQuote' | 'onSubmitted' | 'onStatusChange' | 'onComplete' | 'onError' | 'onKycRequired'>>;

export const widgetEventProps = (send: (event: EmbedEvent) => void): EventProps => ({
  onStepChange: (step) => send({ type: 'step', payload: { step } }),
  onQuote: ({ quoteId, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, rate, expiresAt }) =>
    send({ type: 'quote', payload: { quoteId, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, rate, expiresAt } }),
  onSubmitted: ({ orderId, destinationWalletAddress, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, expiresAt }) =>
    send({
      type: 'submitted',
      payload: { orderId, destinationWalletAddress, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, expiresAt },
    }),
  onStatusChange: ({ orderId, status, previousStatus }) => {
    send({ type: 'status', payload: { orderId, status, previousStatus } });
    if (status === 'EXPIRED') send({ type: 'expired', payload: { orderId } });
  },
  onComplete: ({ id, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, completedAt }) =>
    send({
      type: 'complete',
      payload: { orderId: id, cryptoAmount, tokenSymbol, blockchainSymbol, fiatAmount, fiatCurrency, completedAt: completedAt ?? undefined },
    }),
  // The server's own message may repeat what the user typed: the code and the request id say enough.
  onError: ({ code, status, requestId }) => send({ type: 'error', payload: { code, status, requestId } }),
  onKycRequired: () => send({ type: 'kycRequired', payload: {} }),
});
