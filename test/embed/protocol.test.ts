/**
 * The embed protocol's checks: the loader's structural check of what the embed page sends, the
 * embed page's check of what the host sends, exact origins, and the widget's events as
 * the embed page maps them (no bank detail, no name).
 */
import { describe, expect, it } from 'vitest';
import { OffRampError } from '../../src/api/errors';
import type { Order, Quote, Transaction } from '../../src/api/schemas';
import { widgetEventProps } from '../../src/embed/events';
import { readEmbedEvent } from '../../src/embed/eventCheck';
import { exactOrigin, PROTOCOL_VERSION, type EmbedConfig, type EmbedEvent, type EmbedEventType } from '../../src/embed/protocol';
import { checkHostMessage, configProblems } from '../../src/embed/schemas';

const ID = '0123456789abcdef';
/** Whether the embed page takes `data` from the host. */
const accepted = (data: unknown) => checkHostMessage(data).message !== undefined;
const message = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => ({ v: PROTOCOL_VERSION, id: ID, type, payload, ...extra });

/** One valid payload per event type. */
const VALID: { [T in EmbedEventType]: Extract<EmbedEvent, { type: T }>['payload'] } = {
  ready: {},
  step: { step: 'bank' },
  quote: { quoteId: 'q-1', cryptoAmount: 100, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatAmount: 1791, fiatCurrency: 'MXN', rate: 17.91, expiresAt: '2030-01-01T00:00:00Z' },
  submitted: {
    orderId: 'o-1',
    destinationWalletAddress: '0x52908400098527886E0F7030069857D2E4169EE7',
    cryptoAmount: 100,
    tokenSymbol: 'USDC',
    blockchainSymbol: 'POL',
    fiatAmount: 1791,
    fiatCurrency: 'MXN',
    expiresAt: '2030-01-01T00:00:00Z',
  },
  status: { orderId: 'o-1', status: 'CRYPTO_RECEIVED', previousStatus: 'PENDING_PAYMENT' },
  complete: { orderId: 'o-1', cryptoAmount: 100, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatAmount: 1791, fiatCurrency: 'MXN', completedAt: '2030-01-01T00:05:00Z' },
  expired: { orderId: 'o-1' },
  error: { code: 'QUOTE_EXPIRED', status: 400, requestId: 'r-1' },
  kycRequired: {},
  resize: { height: 612 },
};

describe("the loader's check of what the embed page sends", () => {
  it('accepts every event type with exactly its fields', () => {
    for (const [type, payload] of Object.entries(VALID)) {
      expect(readEmbedEvent(message(type, payload), ID), type).toEqual({ type, payload });
    }
  });

  it('accepts optional fields absent or undefined', () => {
    expect(readEmbedEvent(message('status', { orderId: 'o-1', status: 'PENDING_PAYMENT' }), ID)).toBeDefined();
    expect(readEmbedEvent(message('error', { code: 'NETWORK_ERROR', status: undefined, requestId: undefined }), ID)).toBeDefined();
  });

  it("drops another embed's message, another version, and a different envelope", () => {
    expect(readEmbedEvent(message('step', VALID.step), 'fedcba9876543210')).toBeUndefined();
    expect(readEmbedEvent({ ...message('step', VALID.step), v: 2 }, ID)).toBeUndefined();
    expect(readEmbedEvent(message('step', VALID.step, { extra: true }), ID)).toBeUndefined();
    const { payload: _payload, ...withoutPayload } = message('ready', {});
    expect(readEmbedEvent(withoutPayload, ID)).toBeUndefined();
    for (const data of [undefined, null, 'ready', 42, [], [message('ready', {})]]) expect(readEmbedEvent(data, ID)).toBeUndefined();
  });

  it("drops unknown types, including names every object inherits", () => {
    for (const type of ['configure', 'update', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 'READY']) {
      expect(readEmbedEvent(message(type, {}), ID), type).toBeUndefined();
    }
  });

  it('drops a payload with a field too many: a bank account, a name', () => {
    expect(readEmbedEvent(message('submitted', { ...VALID.submitted, bankAccount: { accountIdentifier: '014680260346007120' } }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('complete', { ...VALID.complete, firstName: 'Lena' }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('ready', { sessionToken: 'x' }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('error', { ...VALID.error, serverMessage: 'Name check failed for Lena Vogel' }), ID)).toBeUndefined();
  });

  it('drops a payload with a field missing or of the wrong kind', () => {
    const { orderId: _orderId, ...withoutOrderId } = VALID.submitted;
    expect(readEmbedEvent(message('submitted', withoutOrderId), ID)).toBeUndefined();
    expect(readEmbedEvent(message('quote', { ...VALID.quote, cryptoAmount: '100' }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('resize', { height: Number.NaN }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('resize', { height: Number.POSITIVE_INFINITY }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('status', { ...VALID.status, previousStatus: null }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('step', { step: { name: 'bank' } }), ID)).toBeUndefined();
    expect(readEmbedEvent(message('step', []), ID)).toBeUndefined();
  });
});

describe("the embed page's check of what the host sends", () => {
  const config: EmbedConfig = {
    proxyUrl: 'https://partner.example/offramp',
    locale: 'es-MX',
    defaultValues: { amount: '100', tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatCurrency: 'MXN', side: 'crypto' },
    theme: 'dark',
    appearance: { accent: { light: '#0b57d0', dark: '#a8c7fa' }, accentText: '#ffffff', radius: '8px', font: '"Inter", system-ui, sans-serif' },
    receiverId: 'receiver-1',
    sessionToken: 'eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJl-_',
  };

  it('accepts a configuration, and an update of any part of it', () => {
    expect(accepted(message('configure', config))).toBe(true);
    expect(accepted(message('configure', { proxyUrl: '/proxy' }))).toBe(true);
    expect(accepted(message('update', { locale: 'es' }))).toBe(true);
    expect(accepted(message('update', { sessionToken: undefined }))).toBe(true);
  });

  it('refuses what the widget must never be given', () => {
    const refused = [
      message('configure', { locale: 'es' }), // no proxy
      message('configure', { ...config, proxyUrl: 'javascript:alert(1)' }),
      message('configure', { ...config, proxyUrl: 'data:text/plain,x' }),
      message('configure', { ...config, sessionToken: 'abc\r\nx-injected: 1' }),
      message('configure', { ...config, sessionToken: 'two words' }),
      message('configure', { ...config, theme: 'neon' }),
      message('configure', { ...config, appearance: { accent: 'red; background: url(https://evil.example/x)' } }),
      message('configure', { ...config, appearance: { font: '"Inter' } }),
      message('configure', { ...config, appearance: { radius: '8px', css: 'body { display: none }' } }),
      message('configure', { ...config, locale: 'en"><script>' }),
      message('configure', { ...config, defaultValues: { amount: '100', bank: { MX: { clabe: '014680260346007120' } } } }),
      message('configure', { ...config, defaultValues: { blockchainSymbol: 'DOGE' } }),
      message('configure', { ...config, url: 'https://elsewhere.example/embed.html' }),
      message('configure', { ...config, onEvent: 'alert(1)' }),
      message('update', { proxyUrl: 'ftp://partner.example' }),
      message('ready', {}),
      { ...message('configure', config), v: 2 },
      message('configure', config, { extra: 1 }),
      { v: 1, type: 'configure', payload: config },
    ];
    for (const data of refused) expect(accepted(data), JSON.stringify(data)).toBe(false);
  });

  it('says where a message does not fit', () => {
    expect(checkHostMessage(message('configure', { locale: 'es' })).problems).toEqual(['payload.proxyUrl']);
    expect(checkHostMessage(message('update', { theme: 'neon', appearance: { css: 'x' } })).problems).toEqual(['payload.theme', 'payload.appearance']);
    expect(checkHostMessage(message('update', { appearance: { accent: { light: '#fff' } } })).problems).toEqual(['payload.appearance.accent']);
    expect(checkHostMessage(message('configure', config, { extra: 1 })).problems).toEqual(['']);
    expect(configProblems(config)).toEqual([]);
    expect(configProblems({ locale: 'es' })).toEqual(['proxyUrl']);
    expect(configProblems({ locale: 'es' }, true)).toEqual([]);
  });

  it('hands on the message it checked, unchanged', () => {
    expect(checkHostMessage(message('configure', config)).message).toEqual(message('configure', config));
  });
});

describe('exact origins', () => {
  it('accepts an http(s) origin as the browser writes it', () => {
    for (const origin of ['https://shop.example', 'http://127.0.0.1:5173', 'https://[::1]:8443', 'http://localhost']) {
      expect(exactOrigin(origin, 'the origin')).toBe(origin);
    }
  });

  it('refuses a wildcard, saying why', () => {
    expect(() => exactOrigin('*', 'the origin')).toThrow(/exact origin.*not "\*".*wildcard/);
  });

  it('refuses anything but an exact origin, saying what it got', () => {
    for (const value of ['null', '', 'https://shop.example/', 'https://shop.example/pay', 'https://Shop.example', 'shop.example', 'ftp://shop.example', 'javascript:alert(1)', 'file:///tmp/x', undefined, null, 42]) {
      expect(() => exactOrigin(value, 'the origin'), String(value)).toThrow(/offramp-widget embed: the origin must be an exact origin/);
    }
  });
});

describe("the widget's events, as the embed page sends them", () => {
  const BANK_AND_NAMES = ['014680260346007120', '7120', 'Lena', 'Vogel', 'Banco Santander', 'NAME_VERIFICATION_FAILED'];
  const order: Order = {
    id: 'o-1',
    userId: 'u-1',
    status: 'PENDING_PAYMENT',
    cryptoAmount: 100,
    fiatAmount: 1791,
    exchangeRate: 17.91,
    tokenSymbol: 'USDC',
    blockchainSymbol: 'POL',
    fiatCurrency: 'MXN',
    premiumSpread: 0.005,
    createdAt: '2030-01-01T00:00:00Z',
    completedAt: null,
    destinationWalletAddress: VALID.submitted.destinationWalletAddress,
    bankAccount: { country: 'MX', accountIdentifier: '••••7120', isVerified: true },
  };
  const transaction = { ...order, status: 'COMPLETED', completedAt: '2030-01-01T00:05:00Z', cancellationReason: 'NAME_VERIFICATION_FAILED Lena Vogel' } as Transaction;
  const quote: Quote = { ...VALID.quote, transactionType: 'OFF_RAMP', premiumSpread: 0.005, flow: 'REGULAR' };

  const sent = () => {
    const events: EmbedEvent[] = [];
    const props = widgetEventProps((event) => events.push(event));
    props.onStepChange('review');
    props.onQuote(quote);
    props.onSubmitted({ ...VALID.submitted, order });
    props.onStatusChange({ orderId: 'o-1', status: 'CRYPTO_RECEIVED', previousStatus: 'PENDING_PAYMENT' });
    props.onStatusChange({ orderId: 'o-1', status: 'EXPIRED', previousStatus: undefined });
    props.onComplete(transaction);
    props.onError(new OffRampError('BANK_ACCOUNT_INVALID', 'The CLABE 014680260346007120 of Lena Vogel at Banco Santander is invalid', { status: 400, requestId: 'r-1' }));
    props.onKycRequired();
    return events;
  };

  it('maps each prop to its event, and EXPIRED also to `expired`', () => {
    expect(sent().map((event) => event.type)).toEqual(['step', 'quote', 'submitted', 'status', 'status', 'expired', 'complete', 'error', 'kycRequired']);
    const [step, quoteEvent, submitted, , , expired, complete, error] = sent();
    expect(step?.payload).toEqual({ step: 'review' });
    expect(quoteEvent?.payload).toEqual(VALID.quote);
    expect(submitted?.payload).toEqual(VALID.submitted);
    expect(expired?.payload).toEqual({ orderId: 'o-1' });
    expect(complete?.payload).toEqual(VALID.complete);
    expect(error?.payload).toEqual({ code: 'BANK_ACCOUNT_INVALID', status: 400, requestId: 'r-1' });
  });

  it("sends nothing the loader would drop, and no bank detail or name, whatever the widget's event held", () => {
    for (const event of sent()) {
      expect(readEmbedEvent({ v: PROTOCOL_VERSION, id: ID, ...event }, ID), event.type).toEqual(event);
      const text = JSON.stringify(event);
      for (const secret of BANK_AND_NAMES) expect(text, `${event.type} carries ${secret}`).not.toContain(secret);
    }
  });
});
