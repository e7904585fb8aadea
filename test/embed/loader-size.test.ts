// @vitest-environment node
/**
 * The loader as it ships (`vite build --mode loader`): within its 2 KB budget, minified and
 * gzipped at level 9; free of imports; and, as a classic script, defining `OffRampWidget.mount`.
 */
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const BUDGET_BYTES = 2048;

describe('the loader build', () => {
  let files: Map<string, string>;

  beforeAll(async () => {
    const outputs = (await build({ configFile: 'vite.config.ts', mode: 'loader', build: { write: false }, logLevel: 'silent' })) as Rollup.RollupOutput[];
    files = new Map(outputs.flatMap((output) => output.output.flatMap((chunk) => (chunk.type === 'chunk' ? [[chunk.fileName, chunk.code] as const] : []))));
  }, 60_000);

  it('is one file per format, each at most 2 KB gzipped', () => {
    expect([...files.keys()].sort()).toEqual(['loader.global.js', 'loader.js']);
    for (const [name, code] of files) {
      const gzipped = gzipSync(code, { level: 9 }).byteLength;
      console.info(`${name}: ${code.length} B minified, ${gzipped} B gzipped`);
      expect(gzipped, name).toBeLessThanOrEqual(BUDGET_BYTES);
    }
  });

  it('imports nothing', () => {
    expect(files.get('loader.js')).not.toMatch(/\bimport\s*[\s{*("'`]/);
    expect(files.get('loader.js')).toMatch(/export\s*\{/);
  });

  it('defines window.OffRampWidget.mount as a classic script', () => {
    const page: Record<string, unknown> = {};
    runInNewContext(files.get('loader.global.js')!, page);
    expect(typeof (page.OffRampWidget as { mount?: unknown } | undefined)?.mount).toBe('function');
  });
});
