/**
 * The end-to-end project's global setup: one demo dev server (widget + proxy + sandbox over HTTP)
 * for every file, its URL given to the files as `inject('demoUrl')`. Only the first page it serves
 * waits for the modules' first transform and the dependencies' optimization, not each file's.
 *
 * It is `vite --mode e2e` (see `vite.config.ts`: rate limits off, this run's own dependency cache,
 * removed on close) in a process of its own: every page load asks it for dozens of modules, work
 * that would otherwise queue behind the test runner's own in its one main thread.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared demo dev server's page, `http://127.0.0.1:<port>/`. */
    demoUrl: string;
  }
}

const VITE = join('node_modules', 'vite', 'bin', 'vite.js');
/** What the demo server prints that the run should see. */
const WORTH_REPORTING = /error|warn|optimi[sz]ed|reloading/i;
// Colour codes would split the address Vite prints.
const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g');

export default async function setup(project: TestProject) {
  mkdirSync('test-results', { recursive: true });
  const cacheDir = mkdtempSync(join('test-results', 'vite-e2e-'));
  const server = spawn(
    process.execPath,
    [VITE, '--configLoader', 'runner', '--mode', 'e2e', '--host', '127.0.0.1', '--port', '0', '--clearScreen', 'false'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', OFFRAMP_E2E_CACHE_DIR: cacheDir } },
  );
  let printed = '';
  const address = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString().replace(ANSI, '');
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1];
      if (!url) return;
      resolve(url);
      // From here on, what goes wrong is the run's to see: a module that failed to transform,
      // dependencies optimized again and the reload of every page that follows (not the proxy's
      // line per request).
      server.stdout.off('data', read);
      server.stderr.off('data', read);
      const report = (chunk: Buffer) => {
        for (const line of chunk.toString().replace(ANSI, '').split('\n')) if (WORTH_REPORTING.test(line)) process.stderr.write(`demo server: ${line}\n`);
      };
      server.stdout.on('data', report);
      server.stderr.on('data', report);
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => reject(new Error(`the demo dev server exited (${code}) before it listened:\n${printed}`)));
  });
  project.provide('demoUrl', await address);
  return async () => {
    if (server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(cacheDir, { recursive: true, force: true });
  };
}
