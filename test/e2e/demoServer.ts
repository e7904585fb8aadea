/**
 * The end-to-end project's global setup: the demo (widget + proxy + sandbox over HTTP) built once
 * and served for every file by `vite preview`, its URL given to the files as `inject('demoUrl')`.
 *
 * It is `vite build --mode e2e` then `vite preview --mode e2e` (see `vite.config.ts`: the embed's
 * test host page beside the demo's, rate limits off), into this run's own folder, removed on close.
 * A built page loads as a partner's does, in a few chunks of production code; the dev server's
 * dozens of modules and React's development build cost the run more than the build does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { shellEnv } from '../shellEnv';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo's page as the run's one server serves it, `http://127.0.0.1:<port>/`. */
    demoUrl: string;
  }
}

const VITE = join('node_modules', 'vite', 'bin', 'vite.js');
/** What the demo server prints that the run should see. */
const WORTH_REPORTING = /error|warn/i;
// Colour codes would split the address Vite prints.
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

const vite = (args: string[]) =>
  spawn(process.execPath, [VITE, ...args, '--configLoader', 'runner', '--mode', 'e2e'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...shellEnv(), NO_COLOR: '1' } });

/** Passes on what `child` prints that the run should see, each line named after `who`. */
const reportLines = (child: ChildProcess, who: string) => {
  const report = (chunk: Buffer) => {
    for (const line of chunk.toString().replace(ANSI, '').split('\n')) if (WORTH_REPORTING.test(line)) process.stderr.write(`${who}: ${line}\n`);
  };
  child.stdout?.on('data', report);
  child.stderr?.on('data', report);
};

/** Waits for a process to end, its warnings reported; an exit other than 0 throws with all it printed. */
async function finished(child: ChildProcess, who: string): Promise<void> {
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  reportLines(child, who);
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${who} exited (${code}):\n${printed}`);
}

export default async function setup(project: TestProject) {
  mkdirSync('test-results', { recursive: true });
  const outDir = mkdtempSync(join('test-results', 'demo-e2e-'));
  await finished(vite(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']), 'demo build');
  const server = vite(['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', '0']);
  let printed = '';
  const address = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString().replace(ANSI, '');
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1];
      if (!url) return;
      resolve(url);
      // From here on, what goes wrong is the run's to see (not the proxy's line per request).
      server.stdout?.off('data', read);
      server.stderr?.off('data', read);
      reportLines(server, 'demo server');
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`the demo server exited (${code}) before it listened:\n${printed}`)));
  });
  project.provide('demoUrl', await address);
  return async () => {
    if (server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(outDir, { recursive: true, force: true });
  };
}
