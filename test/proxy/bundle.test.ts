// @vitest-environment node
/**
 * The key stays on the server: the widget's production build (`vite build --mode lib`) holds no
 * API key, does not even name the key header, and carries neither the sandbox nor the proxy.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADERS } from '../../src/api/contract';
import { SANDBOX_FIXTURES as F } from '../../src/sandbox';

const outDir = mkdtempSync(join(tmpdir(), 'offramp-lib-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the production build of the widget', () => {
  it('contains no API key, no key header, and no sandbox or proxy code', async () => {
    await build({ configFile: 'vite.config.ts', mode: 'lib', build: { outDir, emptyOutDir: true }, logLevel: 'silent' });
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const forbidden = [
      'sk_sandbox_',
      F.apiKey,
      HEADERS.apiKey,
      // The sandbox: its factory, its fixtures' ids, its own words.
      'createSandbox',
      'SANDBOX_FIXTURES',
      F.verifiedUserId,
      F.partnerId,
      F.bankAccountId,
      'sandbox: ',
      // The proxy is a server entry of its own.
      'createOffRampProxy',
      'createRedisStore',
    ];
    for (const file of files) {
      const text = readFileSync(join(outDir, file), 'utf8');
      for (const needle of forbidden) expect(text.includes(needle), `${file} contains ${needle}`).toBe(false);
    }
  }, 120_000);
});
