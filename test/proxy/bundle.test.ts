// @vitest-environment node
/**
 * The key stays on the server: the widget's production build (`vite build --mode lib`) holds no
 * API key, does not even name the key header, and carries neither the sandbox nor the proxy. Nor
 * any package: the partner's bundler resolves each one once for the page (the package tests check
 * the tarball itself in a partner's app).
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
let output: Awaited<ReturnType<typeof build>> | undefined;

/** What the widget's build put in its chunks, and what it left for the partner's bundler to import. */
const chunksOf = (built: typeof output) =>
  (Array.isArray(built) ? built : built && 'output' in built ? [built] : []).flatMap(({ output: files }) =>
    files.flatMap((file) => (file.type === 'chunk' ? [file] : [])),
  );

describe('the production build of the widget', () => {
  it('contains no API key, no key header, and no sandbox or proxy code', async () => {
    output = await build({ configFile: 'vite.config.ts', mode: 'lib', build: { outDir, emptyOutDir: true }, logLevel: 'silent' });
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

  it('bundles no package: each one it uses is imported, and declared for the partner to install', () => {
    const chunks = chunksOf(output);
    expect(chunks.length).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const ownFiles = new Set(chunks.map((chunk) => chunk.fileName));
    const imported = new Set<string>();
    for (const chunk of chunks) {
      expect(chunk.moduleIds.filter((id) => id.includes('/node_modules/')), chunk.fileName).toEqual([]);
      for (const specifier of [...chunk.imports, ...chunk.dynamicImports].filter((name) => !ownFiles.has(name))) {
        imported.add(packageOf(specifier));
        expect(declared.has(packageOf(specifier)), `${chunk.fileName} imports ${specifier}`).toBe(true);
      }
    }
    expect([...imported]).toEqual(expect.arrayContaining(['react', 'react-hook-form', 'zod', '@tanstack/react-query', 'qrcode.react']));
  });
});
