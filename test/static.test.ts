// @vitest-environment node
/**
 * The sources, tests, stories and bench type-check and lint clean: `npm run typecheck` and
 * `npm run lint`, part of the run, beside the other tests, rather than before it. A failure shows
 * what the tool printed.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Exit code and output of one of the project's scripts. */
const runScript = (name: string) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile('npm', ['run', '--silent', name], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}`.trim() });
    });
  });

describe('the project as its tools read it', () => {
  it('type-checks', async () => {
    const { code, output } = await runScript('typecheck');
    expect(code, output).toBe(0);
  });

  it('lints clean', async () => {
    const { code, output } = await runScript('lint');
    expect(code, output).toBe(0);
  });
});
