/**
 * The client when the API's schemas cannot be downloaded (they load with the first request that
 * needs them): that request fails as a network failure, which the widget asks again, and the next
 * request downloads them anew. Its own file: it replaces the schemas' module.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS } from '../../src/widget/lazy';
import { LOCKED_QUOTE, QUOTE_REQUEST } from './fixtures';

/** Each download of the schemas' module, and whether it fails. */
const download = { failing: true, attempts: 0 };


afterEach(() => {
  vi.useRealTimers();
  vi.doUnmock('../../src/api/schemas');
});

describe('the schemas on a bad signal', () => {
  it('fails the request as a network failure once the download gives up, and downloads them anew for the next', async () => {
    // A client whose schemas have not downloaded yet: the modules anew, the schemas' download failing.
    vi.resetModules();
    vi.doMock('../../src/api/schemas', async (importOriginal) => {
      download.attempts += 1;
      if (download.failing) throw new TypeError('Failed to fetch dynamically imported module: /assets/schemas.js');
      return importOriginal();
    });
    const { createProxyClient } = await import('../../src/api/client');
    const { CLIENT_ERROR_CODES, OffRampError } = await import('../../src/api/errors');
    vi.useFakeTimers();
    const fetch = vi.fn(async () => new Response(JSON.stringify({ success: true, data: LOCKED_QUOTE }), { status: 201, headers: { 'content-type': 'application/json' } }));
    const client = createProxyClient({ proxyUrl: 'https://partner.example/offramp', fetch });

    const first = client.lockQuote(QUOTE_REQUEST).catch((error: unknown) => error);
    // Each back-off of the download, one after another.
    for (const delay of RETRY_DELAYS_MS) await vi.advanceTimersByTimeAsync(delay);
    const failure = await first;
    expect(failure).toBeInstanceOf(OffRampError);
    expect(failure).toMatchObject({ code: CLIENT_ERROR_CODES.network, message: expect.stringContaining('The answer could not be checked') });
    expect(download.attempts).toBe(RETRY_DELAYS_MS.length + 1);
    expect(fetch).toHaveBeenCalledTimes(1);

    download.failing = false;
    const { data } = await client.lockQuote(QUOTE_REQUEST);
    expect(data.quoteId).toBe('q-1');
    expect(download.attempts).toBe(RETRY_DELAYS_MS.length + 2);
  });
});
