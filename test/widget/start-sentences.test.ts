// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { startEn } from '../../src/i18n/start.en';

/**
 * The widget's source files a page loads at start: the entry and what it imports statically (not
 * `import type`, not `import()`), as the package's build puts them in its first chunk.
 */
function startFiles(entry: string): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'(\.[^']+)'/gm)) {
      const base = resolve(dirname(file), specifier!);
      const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((path) => /\.tsx?$/.test(path) && existsSync(path));
      if (found) visit(found);
    }
  };
  visit(entry);
  return files;
}

describe('the sentences the first screen ships with', () => {
  it('hold every English sentence the code loaded at start names', () => {
    const start = startFiles(resolve('src/widget/OffRampWidget.tsx'));
    // Sanity: the walk reaches the amount step, and stops at what downloads later.
    expect([...start].some((file) => file.endsWith('steps/AmountStep.tsx'))).toBe(true);
    expect([...start].some((file) => file.endsWith('steps/ReviewStep.tsx'))).toBe(false);

    const missing: string[] = [];
    for (const file of start) {
      // The catalogues themselves; and the rails' table, which names the sentences of the bank and
      // review steps (they download with those steps).
      if (file.includes('/src/i18n/') || file.includes('/src/countries/')) continue;
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) {
        if (Object.hasOwn(en, key!) && !Object.hasOwn(startEn, key!)) missing.push(`${key} (${file.replace(`${process.cwd()}/`, '')})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
