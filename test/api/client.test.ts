// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createProxyClient } from '../../src/api/client';
import { API_ERRORS, OffRampError } from '../../src/api/errors';
import { LOCKED_QUOTE, QUOTE_REQUEST } from './fixtures';


const answering = (status: number, body: string, headers: Record<string, string> = {}) => {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { seen, client: createProxyClient({ proxyUrl: 'https://partner.example/offramp/', fetch, headers: { 'x-csrf': 't' } }) };
};

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as OffRampError;
  }
  throw new Error('expected a failure');
};

describe('proxy client', () => {
  it('posts to the mirrored API path and unwraps the envelope', async () => {
    const { client, seen } = answering(201, JSON.stringify({ success: true, data: LOCKED_QUOTE }));
    const { data } = await client.lockQuote(QUOTE_REQUEST);
    expect(data.quoteId).toBe('q-1');
    expect(seen[0]!.url).toBe('https://partner.example/offramp/api/partner/v2/quotes');
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.get('x-csrf')).toBe('t');
    expect(await seen[0]!.json()).toEqual(QUOTE_REQUEST);
  });

  it('asks estimates in the query string', async () => {
    const { client, seen } = answering(200, JSON.stringify({ success: true, data: LOCKED_QUOTE }));
    await client.estimate({ ...QUOTE_REQUEST, cryptoAmount: undefined, fiatAmount: 1500 });
    const url = new URL(seen[0]!.url);
    expect(url.pathname).toBe('/offramp/api/partner/v2/quotes');
    expect(url.searchParams.get('fiatAmount')).toBe('1500');
    expect(url.searchParams.has('cryptoAmount')).toBe(false);
  });

  it('sends the idempotency key with the order', async () => {
    const { client, seen } = answering(400, JSON.stringify({ success: false, statusCode: 400, code: 'QUOTE_EXPIRED', message: 'Quote has expired' }));
    await failure(client.createOrder({ quoteId: 'q-1', userBankInformationId: 'a' }, { idempotencyKey: 'key-0123456789abcdef' }));
    expect(seen[0]!.headers.get('Idempotency-Key')).toBe('key-0123456789abcdef');
  });

  it('turns an error body into one typed error with status, code, message and request id', async () => {
    const { client } = answering(400, JSON.stringify({ success: false, statusCode: 400, code: 'QUOTE_EXPIRED', message: 'Quote has expired' }), {
      'x-request-id': 'req-42',
    });
    const error = await failure(client.lockQuote(QUOTE_REQUEST));
    expect(error).toBeInstanceOf(OffRampError);
    expect(error).toMatchObject({ status: 400, code: 'QUOTE_EXPIRED', serverMessage: 'Quote has expired', requestId: 'req-42' });
    expect(error.is(API_ERRORS.quoteExpired)).toBe(true);
  });

  it.each([
    ['nested error object', { error: { code: 'BAD_REQUEST', message: 'nested' } }, 'BAD_REQUEST', 'nested'],
    ['errorCode field', { errorCode: 'X_CODE', message: 'm' }, 'X_CODE', 'm'],
    ['error string', { error: 'Plain words' }, 'HTTP_503', 'Plain words'],
    ['no known field', { whatever: 1 }, 'HTTP_503', 'HTTP 503'],
  ])('reads an error body with a %s', async (_name, body, code, message) => {
    const { client } = answering(503, JSON.stringify(body));
    expect(await failure(client.lockQuote(QUOTE_REQUEST))).toMatchObject({ status: 503, code, serverMessage: message });
  });

  it('turns a non-JSON error page into an error with the HTTP status', async () => {
    const { client } = answering(502, '<html>Bad gateway</html>');
    expect(await failure(client.lockQuote(QUOTE_REQUEST))).toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('refuses a success whose body breaks the contract', async () => {
    const { client } = answering(201, JSON.stringify({ success: true, data: { ...LOCKED_QUOTE, expiresAt: 'soon' } }));
    expect(await failure(client.lockQuote(QUOTE_REQUEST))).toMatchObject({ code: 'INVALID_RESPONSE', status: 201 });
  });

  it('refuses a success that is not JSON', async () => {
    const { client } = answering(201, '{"success": tr');
    expect(await failure(client.lockQuote(QUOTE_REQUEST))).toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('turns a failed connection into a network error', async () => {
    const client = createProxyClient({ proxyUrl: 'https://x', fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(client.lockQuote(QUOTE_REQUEST))).toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('measures the server clock from the Date header, ignoring sub-second noise', async () => {
    const ahead = new Date(Date.now() + 120_000).toUTCString();
    const { client } = answering(201, JSON.stringify({ success: true, data: LOCKED_QUOTE }), { date: ahead });
    const { clockSkewMs } = await client.lockQuote(QUOTE_REQUEST);
    expect(clockSkewMs).toBeGreaterThan(118_000);
    expect(clockSkewMs).toBeLessThan(121_000);
    const { client: same } = answering(201, JSON.stringify({ success: true, data: LOCKED_QUOTE }), { date: new Date().toUTCString() });
    expect((await same.lockQuote(QUOTE_REQUEST)).clockSkewMs).toBe(0);
  });
});
