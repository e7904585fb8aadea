// @vitest-environment node
/** The webhook signature and event shape every receiver relies on. */
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER, webhookEventSchema } from '../../src/api/webhooks';

// RFC 4231, test case 2: HMAC-SHA256 with key "Jefe".
const RFC_BODY = 'what do ya want for nothing?';
const RFC_SECRET = 'Jefe';
const RFC_SIGNATURE = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';

describe('signWebhookBody', () => {
  it('is the lower-case hex HMAC-SHA256 of the body', async () => {
    expect(WEBHOOK_SIGNATURE_HEADER).toBe('capa-signature');
    expect(await signWebhookBody(RFC_BODY, RFC_SECRET)).toBe(RFC_SIGNATURE);
  });

  it('signs the exact bytes: whitespace and non-ASCII count', async () => {
    const compact = await signWebhookBody('{"a":"García"}', 'secret');
    expect(await signWebhookBody('{"a": "García"}', 'secret')).not.toBe(compact);
    expect(await verifyWebhookSignature('{"a":"García"}', compact, 'secret')).toBe(true);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts the right signature, in either case', async () => {
    expect(await verifyWebhookSignature(RFC_BODY, RFC_SIGNATURE, RFC_SECRET)).toBe(true);
    expect(await verifyWebhookSignature(RFC_BODY, RFC_SIGNATURE.toUpperCase(), RFC_SECRET)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['one digit short', RFC_SIGNATURE.slice(1)],
    ['not hex', `${RFC_SIGNATURE.slice(0, 63)}g`],
    ['one bit off', `${RFC_SIGNATURE.slice(0, 63)}2`],
    ['prefixed', `sha256=${RFC_SIGNATURE}`],
  ])('refuses a signature that is %s', async (_case, signature) => {
    expect(await verifyWebhookSignature(RFC_BODY, signature, RFC_SECRET)).toBe(false);
  });

  it('refuses another body or another secret', async () => {
    expect(await verifyWebhookSignature(`${RFC_BODY} `, RFC_SIGNATURE, RFC_SECRET)).toBe(false);
    expect(await verifyWebhookSignature(RFC_BODY, RFC_SIGNATURE, 'jefe')).toBe(false);
  });
});

describe('webhookEventSchema', () => {
  const event = {
    type: 'TRANSACTION',
    event: 'COMPLETED_OFF_RAMP',
    externalUserId: 'partner-user-1',
    transactionId: '63f51f11-6869-47b0-a109-ddb50ef20efb',
    cryptoAmount: '100.000000',
    fiatAmount: '1788.40',
    somethingNew: { nested: true },
  };

  it('reads amounts sent as strings and keeps unknown fields', () => {
    const parsed = webhookEventSchema.parse(event);
    expect(parsed.cryptoAmount).toBe(100);
    expect(parsed.fiatAmount).toBe(1788.4);
    expect(parsed).toMatchObject({ somethingNew: { nested: true } });
  });

  it('refuses an unknown type, a non-decimal amount and a transaction event without its id', () => {
    expect(webhookEventSchema.safeParse({ ...event, type: 'PAYOUT' }).success).toBe(false);
    expect(webhookEventSchema.safeParse({ ...event, fiatAmount: '1,788.40' }).success).toBe(false);
    expect(webhookEventSchema.safeParse({ ...event, transactionId: undefined }).success).toBe(false);
    expect(webhookEventSchema.safeParse({ type: 'KYC', event: 'VERIFIED_USER', externalUserId: 'partner-user-1' }).success).toBe(true);
  });
});
