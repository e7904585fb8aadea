/**
 * The API's webhooks: how a body is signed and checked, and the shape of an event. Web-standard
 * only (Web Crypto), so it runs in Node 20, browsers and workers alike.
 *
 * The API signs the exact JSON body it sends with the partner's webhook secret: header
 * `capa-signature` = lower-case hex HMAC-SHA256. A receiver must verify the raw body it received,
 * before parsing it: re-serialising a parsed body may change its bytes.
 */
import * as z from 'zod/mini';
import type { OrderStatus } from './contract';
import { decimal } from './schemas';

export const WEBHOOK_SIGNATURE_HEADER = 'capa-signature';

/**
 * When the API sends an event: at once, then again after 1, 5, 10 and 15 minutes while the
 * partner's answer is not 2xx. Assumed: each delay counts from the first attempt.
 */
export const WEBHOOK_ATTEMPT_DELAYS_MS = [0, 1, 5, 10, 15].map((minutes) => minutes * 60_000);

const SIGNATURE_BYTES = 32;
const encoder = new TextEncoder();

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** The bytes of a 64-digit hex signature, or null when it is anything else. */
const fromHex = (hex: string): Uint8Array<ArrayBuffer> | null => {
  if (!new RegExp(`^[0-9a-fA-F]{${SIGNATURE_BYTES * 2}}$`).test(hex)) return null;
  const bytes = new Uint8Array(SIGNATURE_BYTES);
  for (let index = 0; index < SIGNATURE_BYTES; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
};

/** The `capa-signature` of a body: lower-case hex HMAC-SHA256 with the webhook secret. */
export const signWebhookBody = async (body: string, secret: string): Promise<string> =>
  toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(body)));

/**
 * Whether `signature` is the body's `capa-signature` under `secret`. False for a missing or
 * malformed header. The comparison is Web Crypto's own HMAC verify, which runs in constant time, so
 * the answer's timing tells an attacker nothing about how many bytes matched.
 */
export const verifyWebhookSignature = async (
  body: string,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> => {
  const expected = typeof signature === 'string' ? fromHex(signature.trim()) : null;
  if (expected === null) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), expected, encoder.encode(body));
};

export const WEBHOOK_TYPES = ['TRANSACTION', 'KYC'] as const;

/** The events the contract names for off-ramp orders and KYC. Assumed: `CANCELLED_OFF_RAMP` (only `CANCELLED_ON_RAMP` is seen). */
export const WEBHOOK_EVENTS = {
  offRamp: {
    created: 'CREATED_OFF_RAMP',
    cryptoReceived: 'CRYPTO_RECEIVED_OFF_RAMP',
    completed: 'COMPLETED_OFF_RAMP',
    cancelled: 'CANCELLED_OFF_RAMP',
  },
  kyc: {
    created: 'CREATED_KYC',
    verified: 'VERIFIED_USER',
    rejected: 'REJECTED_KYC',
    reviewNeeded: 'REVIEW_NEEDED_KYC',
  },
} as const;

/**
 * The event of an off-ramp's change to `status`: its status plus `_OFF_RAMP`, as the documented
 * CRYPTO_RECEIVED_OFF_RAMP and COMPLETED_OFF_RAMP are. Assumed for the other statuses (the docs name
 * no event for them); a new order's event is CREATED_OFF_RAMP whatever its status.
 */
export const offRampStatusEvent = (status: OrderStatus): string => `${status}_OFF_RAMP`;

const optionalText = z.optional(z.nullable(z.string()));

/**
 * A webhook's body. `event` stays an open string: the API may add events, and a receiver should
 * acknowledge one it does not know rather than have it retried. Amounts come as strings (numbers
 * are accepted too). Unknown fields are kept.
 */
export const webhookEventSchema = z
  .looseObject({
    type: z.enum(WEBHOOK_TYPES),
    event: z.string().check(z.minLength(1)),
    externalUserId: optionalText,
    transactionId: optionalText,
    userId: optionalText,
    status: optionalText,
    cryptoAmount: z.optional(z.nullable(decimal)),
    fiatAmount: z.optional(z.nullable(decimal)),
    exchangeRate: z.optional(z.nullable(decimal)),
    premiumSpread: z.optional(z.nullable(decimal)),
    fiatCurrency: optionalText,
    tokenSymbol: optionalText,
    blockchainSymbol: optionalText,
    cancellationReason: optionalText,
  })
  .check(
    z.refine((event) => event.type !== 'TRANSACTION' || typeof event.transactionId === 'string', {
      message: 'A TRANSACTION event names its transactionId',
      path: ['transactionId'],
    }),
  );
export type WebhookEvent = z.output<typeof webhookEventSchema>;
