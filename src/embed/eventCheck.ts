/**
 * The loader's run-time check of what the embed page sends: each event's payload fields, exactly
 * these, of these kinds (the compiler holds the table to protocol.ts's types). The host's side
 * alone: the embed page, which only sends events, carries none of it.
 */
import { isRecord, readFields } from '../api/fields';
import { PROTOCOL_VERSION, type EmbedEvent, type EmbedEventPayloads, type EmbedEventType } from './protocol';

type Kind<T> = T extends string ? 'string' : T extends number ? 'number' : never;
/** One entry per field of `P`, saying its kind; `?` when it may be absent. */
type FieldKinds<P> = { readonly [K in keyof P]-?: undefined extends P[K] ? `${Kind<Exclude<P[K], undefined>>}?` : Kind<P[K]> };

/** The payload fields of each event, as the loader checks them (exactly these, of these kinds). */
export const EVENT_FIELDS: { readonly [T in EmbedEventType]: FieldKinds<EmbedEventPayloads[T]> } = {
  ready: {},
  step: { step: 'string' },
  quote: {
    quoteId: 'string',
    cryptoAmount: 'number',
    tokenSymbol: 'string',
    blockchainSymbol: 'string',
    fiatAmount: 'number',
    fiatCurrency: 'string',
    rate: 'number',
    expiresAt: 'string',
  },
  submitted: {
    orderId: 'string',
    destinationWalletAddress: 'string',
    cryptoAmount: 'number',
    tokenSymbol: 'string',
    blockchainSymbol: 'string',
    fiatAmount: 'number',
    fiatCurrency: 'string',
    expiresAt: 'string',
  },
  status: { orderId: 'string', status: 'string', previousStatus: 'string?' },
  complete: {
    orderId: 'string',
    cryptoAmount: 'number',
    tokenSymbol: 'string',
    blockchainSymbol: 'string',
    fiatAmount: 'number',
    fiatCurrency: 'string',
    completedAt: 'string?',
  },
  expired: { orderId: 'string' },
  error: { code: 'string', status: 'number?', requestId: 'string?' },
  kycRequired: {},
  resize: { height: 'number' },
};

/**
 * The event in `data` if it is exactly a version-1 message of embed `id`: a known type whose
 * payload has exactly that type's fields, each of its kind. Anything else is undefined.
 */
export function readEmbedEvent(data: unknown, id: string): EmbedEvent | undefined {
  if (!isRecord(data) || Object.keys(data).length !== 4 || data.v !== PROTOCOL_VERSION || data.id !== id) return undefined;
  const { type, payload } = data;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_FIELDS, type)) return undefined;
  const fields = readFields(payload, EVENT_FIELDS[type as EmbedEventType], true);
  return fields && ({ type, payload: fields } as EmbedEvent);
}
