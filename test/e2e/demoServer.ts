/**
 * The end-to-end project's global setup: one demo dev server (widget + proxy + sandbox over HTTP)
 * for every file, its URL given to the files as `inject('demoUrl')`. Only the first page it serves
 * waits for the modules' first transform and the dependencies' optimization, not each file's.
 *
 * - Its dependency cache is its own, removed on close: another dev server or build sharing
 *   node_modules cannot re-optimize the cache under its pages (Vite then answers 504 to the replaced
 *   modules and reloads every page, frames included, in the middle of a flow).
 * - The proxy's rate limits are off: the files' browsers all sign in the demo's one verified user,
 *   and together place more orders in a minute than the limit lets one person place.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, loadConfigFromFile, type PluginOption } from 'vite';
import type { TestProject } from 'vitest/node';
import { offRampDevServer } from '../../src/demo/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared demo dev server's page, `http://127.0.0.1:<port>/`. */
    demoUrl: string;
  }
}

const isDevServerPlugin = (plugin: PluginOption) => typeof plugin === 'object' && plugin !== null && 'name' in plugin && plugin.name === 'offramp-dev-server';

export default async function setup(project: TestProject) {
  const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development' }, 'vite.config.ts', undefined, 'error', undefined, 'runner');
  if (!loaded) throw new Error('vite.config.ts did not load');
  const { plugins = [], ...config } = loaded.config;
  if (!plugins.flat().some(isDevServerPlugin)) throw new Error('vite.config.ts has no offramp-dev-server plugin to replace');
  mkdirSync('test-results', { recursive: true });
  const cacheDir = mkdtempSync(join('test-results', 'vite-e2e-'));
  const server = await createServer({
    ...config,
    configFile: false,
    plugins: plugins.flat().map((plugin) => (isDevServerPlugin(plugin) ? offRampDevServer({ rateLimits: false }) : plugin)),
    cacheDir,
    logLevel: 'error',
    server: { ...config.server, host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  project.provide('demoUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  };
}
