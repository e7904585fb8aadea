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
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
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

/** A loopback port nothing listens on now, for the demo's server to take once the demo is built. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Resolves once `vite preview` says where it listens; rejects with what it printed if it exits first. */
function listening(server: ChildProcess): Promise<void> {
  let printed = '';
  return new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString().replace(ANSI, '');
      if (!/Local:\s+http:\/\/127\.0\.0\.1:\d+\//.test(printed)) return;
      resolve();
      // From here on, what goes wrong is the run's to see (not the proxy's line per request).
      server.stdout?.off('data', read);
      server.stderr?.off('data', read);
      reportLines(server, 'demo server');
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`the demo server exited (${code}) before it listened:\n${printed}`)));
  });
}

/**
 * Builds and serves the demo in the background: the run's other files start meanwhile, and the
 * end-to-end files wait until the demo answers (`demoAnswering` in browser.ts). Should the build or
 * the server fail, the port answers 500 with what went wrong, so those files fail with it at once.
 */
export default async function setup(project: TestProject) {
  mkdirSync('test-results', { recursive: true });
  const outDir = mkdtempSync(join('test-results', 'demo-e2e-'));
  const port = await freePort();
  let server: ChildProcess | undefined;
  let failure: Server | undefined;
  const served = (async () => {
    await finished(vite(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']), 'demo build');
    server = vite(['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort']);
    await listening(server);
  })().catch(async (error: Error) => {
    process.stderr.write(`demo: ${error.message}\n`);
    failure = createHttpServer((_, response) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`the demo could not be served: ${error.message}`));
    failure.listen(port, '127.0.0.1');
    await once(failure, 'listening').catch(() => undefined);
  });
  project.provide('demoUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await served;
    failure?.close();
    if (server && server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(outDir, { recursive: true, force: true });
  };
}
