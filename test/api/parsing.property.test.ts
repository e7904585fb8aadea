// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProxyClient } from '../../src/api/client';
import { OffRampError } from '../../src/api/errors';

const request = { transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 1 } as const;

/** Every way a call can end: a typed error, or data that passed the schema. */
const outcome = async (status: number, body: BodyInit) => {
  const client = createProxyClient({ proxyUrl: 'https://proxy.test', fetch: async () => new Response(body, { status }) });
  try {
    return { data: (await client.lockQuote(request)).data };
  } catch (error) {
    return { error };
  }
};

const statuses = fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504);

describe('reading answers', () => {
  it('turns any JSON into data or a typed error, never a throw of anything else', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, fc.jsonValue(), async (status, json) => {
        const result = await outcome(status, JSON.stringify(json));
        if ('error' in result) expect(result.error).toBeInstanceOf(OffRampError);
        else expect(status < 300).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('turns any bytes into a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(statuses, fc.uint8Array({ maxLength: 200 }), async (status, bytes) => {
        const result = await outcome(status, bytes);
        expect('error' in result && result.error instanceof OffRampError).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a success envelope around anything but a quote into INVALID_RESPONSE', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (data) => {
        const result = await outcome(201, JSON.stringify({ success: true, data }));
        expect(result).toMatchObject({ error: { code: 'INVALID_RESPONSE' } });
      }),
      { numRuns: 200 },
    );
  });
});
