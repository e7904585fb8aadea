// @vitest-environment node
/** The handler as a whole: envelope, Date header, the fetch wrapper, fixtures, settings. */
import { describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS, SANDBOX_API_KEY_PATTERN } from '../../src/api/contract';
import { createSandbox, SANDBOX_FIXTURES } from '../../src/sandbox';
import { call, F, sandboxAt, T0 } from './helpers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('every answer', () => {
  it.each([
    ['a success', API_PATHS.receivers, F.apiKey],
    ['an error', API_PATHS.receivers, null],
    ['a 404', '/nowhere', F.apiKey],
  ] as const)('carries the sandbox clock in its Date header: %s', async (_case, path, key) => {
    const { sandbox, advance } = sandboxAt();
    advance(90_000);
    const answer = await call(sandbox, path, { key, query: { userId: F.verifiedUserId } });
    expect(answer.headers.get('date')).toBe(new Date(T0 + 90_000).toUTCString());
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(typeof answer.body.success).toBe('boolean');
  });
});

describe('createSandbox', () => {
  it('is itself a handler of web Requests, host ignored', async () => {
    const sandbox = createSandbox();
    const response = await sandbox(
      new Request(`https://anywhere.example${API_PATHS.receivers}?userId=${F.verifiedUserId}`, { headers: { [HEADERS.apiKey]: F.apiKey } }),
    );
    expect(response.status).toBe(200);
  });

  it('has a fetch that takes relative URLs, URL objects and Requests', async () => {
    const sandbox = createSandbox();
    const init = { headers: { [HEADERS.apiKey]: F.apiKey } };
    const path = `${API_PATHS.receivers}?userId=${F.verifiedUserId}`;
    expect((await sandbox.fetch(path, init)).status).toBe(200);
    expect((await sandbox.fetch(new URL(path, 'http://x.test'), init)).status).toBe(200);
    expect((await sandbox.fetch(new Request(`http://x.test${path}`, init))).status).toBe(200);
  });

  it('refuses nonsense settings at creation', () => {
    expect(() => createSandbox({ quoteLifetimeMs: -1 })).toThrow(RangeError);
    expect(() => createSandbox({ limits: { fiat: { MXN: { min: 10, max: 5 } } } })).toThrow(RangeError);
  });

  it('keeps each sandbox its own world', async () => {
    const a = createSandbox();
    const b = createSandbox();
    await call(a, API_PATHS.offRamp, {
      method: 'POST',
      body: { userId: F.verifiedUserId, fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100, userBankInformationId: F.bankAccountId },
    });
    expect(a.orders()).toHaveLength(1);
    expect(b.orders()).toHaveLength(0);
  });
});

describe('SANDBOX_FIXTURES', () => {
  const entries = Object.entries(SANDBOX_FIXTURES);

  it.each(entries.filter(([name]) => name.endsWith('ApiKey') || name === 'apiKey'))('%s is a well-formed sandbox key', (_name, key) => {
    expect(key).toMatch(SANDBOX_API_KEY_PATTERN);
  });

  it.each(entries.filter(([name]) => name.endsWith('Id')))('%s is a version-4 UUID', (_name, id) => {
    expect(id).toMatch(UUID_V4);
  });

  it('names every id once', () => {
    const ids = entries.filter(([name]) => name.endsWith('Id')).map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
