// @vitest-environment node
/// <reference types="vite/client" />
/**
 * `npm run build-storybook` works from the sources alone: the static Storybook builds, its index
 * lists every story and the docs page, and the sandbox and proxy the stories run in the page are
 * bundled for the browser (nothing Node-only left to fail at run time).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isExportStory, storyNameFromExport, toId, type IncludeExcludeOptions } from 'storybook/internal/csf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellEnv } from '../shellEnv';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

const outDir = mkdtempSync(join(tmpdir(), 'offramp-storybook-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let entries: Record<string, IndexEntry> = {};
let buildLog = '';
beforeAll(async () => {
  const { stdout, stderr } = await promisify(execFile)(
    'node_modules/.bin/storybook',
    ['build', '--quiet', '--loglevel', 'warn', '--output-dir', outDir],
    { env: { ...shellEnv(), STORYBOOK_DISABLE_TELEMETRY: '1' } },
  );
  // As one line: the log wraps its messages to the terminal's width, in a box.
  buildLog = (stdout + stderr).replace(/[\s│]+/g, ' ');
  entries = (JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries;
}, 180_000);

/** Every story the stories' files export, by the id Storybook gives it. */
const storyFiles = import.meta.glob<Record<string, unknown> & { default: IncludeExcludeOptions & { title: string } }>('../../stories/*.stories.tsx', { eager: true });
const exportedStoryIds = Object.values(storyFiles).flatMap((file) =>
  Object.keys(file)
    .filter((name) => name !== 'default' && isExportStory(name, file.default))
    .map((name) => toId(file.default.title, storyNameFromExport(name))),
);

describe('the static Storybook', () => {
  it('lists every exported story, and the docs page with its how-to-embed text', () => {
    const stories = Object.values(entries).filter((entry) => entry.type === 'story');
    expect(exportedStoryIds.length).toBeGreaterThanOrEqual(30);
    expect(stories.map((entry) => entry.id).sort()).toEqual([...exportedStoryIds].sort());
    expect(entries['offrampwidget--docs']).toMatchObject({ type: 'docs', title: 'OffRampWidget' });
    // The stories every part of the brief names, by the id a link to them uses.
    for (const id of [
      'checkout-countries--mexico', 'checkout-countries--dominican-republic', 'checkout-countries--united-states', 'checkout-countries--sepa',
      'checkout-endings--paid', 'checkout-endings--cancelled', 'checkout-endings--crypto-not-received',
      'checkout-quote--counting-down', 'checkout-quote--expired-at-confirm',
      'checkout-errors--kyc-required', 'checkout-errors--offline', 'checkout-errors--partner-limits', 'checkout-endings--support-and-terms',
      'checkout-presentation--spanish', 'checkout-presentation--phone', 'checkout-presentation--dark', 'checkout-presentation--partner-appearance',
      'embed-events--through-the-review',
    ]) {
      expect(entries[id]?.type, id).toBe('story');
    }
  });

  it('runs the sandbox and the proxy in the page (no Node-only module left in the bundle), built without a warning', () => {
    const scripts = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
    const text = scripts.map((file) => readFileSync(join(outDir, 'assets', file), 'utf8')).join('\n');
    expect(text).toContain('createOffRampProxy: apiKey is empty');
    expect(text).toContain('sandbox: connection dropped');
    // Vite replaces a Node built-in (node:*, or one that ioredis needs) by an empty module, and says so.
    expect(buildLog.match(/Module "[^"]+" has been externalized for browser compatibility, imported by "[^"]+"/g) ?? []).toEqual([]);
    // And nothing else to alarm a newcomer (the chunk-size box, for one).
    expect(buildLog).not.toMatch(/\(!\)|warning/i);
  });
});
