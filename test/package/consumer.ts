/**
 * A partner's app, made from the package as npm ships it: `npm pack` (its `prepack` builds what it
 * ships), a fresh folder that installs the tarball beside React, a Vite build of a page, and a
 * small Node server for that page with the package's own proxy and sandbox behind it.
 *
 * Installs go through npm's cache first (`--prefer-offline`), so only the first run on a machine
 * downloads anything. Used by the package tests and by the bench, which run side by side and share
 * one tarball of the same sources (`packedPackage`), each app's install of that tarball
 * (`installedApp`) and the bench's built pages (`keptPage`), kept for the next run too.
 */
import { serve } from '@hono/node-server';
import react from '@vitejs/plugin-react';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, createLogger, type Manifest } from 'vite';

const run = promisify(execFile);

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGE_NAME = 'offramp-widget';

/** A React 18 partner app's dependencies besides the widget: the oldest the peer ranges allow (React 18.2, TanStack Query 5.0). */
export const REACT_18_APP_DEPENDENCIES = {
  react: '18.2.0',
  'react-dom': '18.2.0',
  '@tanstack/react-query': '5.0.0',
  '@types/react': '^18.2.0',
  '@types/react-dom': '^18.2.0',
};

/**
 * A React 19 partner app's dependencies besides the widget: the consumer test's React 19 app and
 * the bench's app are one install (see `installedApp`).
 */
export const REACT_19_APP_DEPENDENCIES = {
  react: '^19.2.0',
  'react-dom': '^19.2.0',
  '@tanstack/react-query': '^5.102.0',
  '@types/react': '^19.2.0',
  '@types/react-dom': '^19.2.0',
};

/** npm's settings for a script of this project (its folder, its package) must not steer an npm run elsewhere. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$)/.test(name)),
  );

export const temporaryFolder = (prefix: string) => mkdtempSync(join(tmpdir(), `${prefix}-`));

/** `npm pack` of this project into `destination`; the tarball's path. */
export async function packPackage(destination: string): Promise<string> {
  await run('npm', ['pack', '--pack-destination', destination, '--loglevel=error'], { cwd: PROJECT_ROOT, env: cleanEnv(), maxBuffer: 64 << 20 });
  const tarball = readdirSync(destination).find((file) => file.startsWith(`${PACKAGE_NAME}-`) && file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack left no ${PACKAGE_NAME} tarball in ${destination}`);
  return join(destination, tarball);
}

/** What `npm pack` builds the package from and puts in it; the tarball depends on nothing else. */
const PACKAGE_INPUTS = ['src', 'scripts', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** A digest of every file among the package's inputs, by path and content. */
function packageInputsDigest(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const full = join(PROJECT_ROOT, path);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) add(join(path, entry));
      return;
    }
    hash.update(`${path}\0`).update(readFileSync(full)).update('\0');
  };
  for (const input of PACKAGE_INPUTS) add(input);
  return hash.digest('hex').slice(0, 20);
}

/** Kept folders (tarballs, installs, built pages) not used for this long are removed when a new one is made. */
const KEPT_TTL_MS = 24 * 60 * 60_000;

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A folder of the temporary folder, `<prefix>-<key>`, made once by `make` for every run that asks
 * for it while its contents are the same (`key` is a digest of what goes into it). The first
 * asker makes it beside and moves it in at once, so a reader finds the whole folder or none;
 * askers meanwhile, in this process or another (the package tests and the bench run side by side),
 * wait for it rather than make it again. Folders of the same `prefix` unused for a day are removed.
 */
async function keptFolder(prefix: string, key: string, isMade: (folder: string) => boolean, make: (staging: string) => Promise<void>): Promise<string> {
  const folder = join(tmpdir(), `${prefix}-${key}`);
  // Who is making it: a file holding its process id, gone when it is done.
  const maker = `${folder}.making`;
  for (;;) {
    if (isMade(folder)) {
      // In use: not old enough to be removed by a run of other sources.
      utimesSync(folder, new Date(), new Date());
      return folder;
    }
    try {
      writeFileSync(maker, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid: number;
      try {
        pid = Number(readFileSync(maker, 'utf8'));
      } catch {
        continue; // gone already (the folder is made, or making it failed): asked again at once
      }
      // A maker that died (a run stopped midway) left its file: the next asker makes the folder.
      if (pid && !isRunning(pid)) rmSync(maker, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const staging = temporaryFolder(`${prefix}-staging`);
    try {
      if (isMade(folder)) continue;
      await make(staging);
      removeFolder(folder);
      renameSync(staging, folder);
    } finally {
      removeFolder(staging);
      rmSync(maker, { force: true });
    }
    for (const old of readdirSync(tmpdir()).filter((entry) => entry.startsWith(`${prefix}-`) && !entry.endsWith('.making'))) {
      const path = join(tmpdir(), old);
      if (path !== folder && Date.now() - statSync(path).mtimeMs > KEPT_TTL_MS) removeFolder(path);
    }
  }
}

const tarballIn = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).find((file) => file.startsWith(`${PACKAGE_NAME}-`) && file.endsWith('.tgz')) : undefined;

/**
 * The tarball `npm pack` makes of the project as it is now, made once for the package tests and
 * the bench alike: kept under a digest of the package's inputs (`PACKAGE_INPUTS`), so any change
 * to them packs anew.
 */
export async function packedPackage(): Promise<string> {
  const folder = await keptFolder(`${PACKAGE_NAME}-packed`, packageInputsDigest(), (candidate) => tarballIn(candidate) !== undefined, async (staging) => {
    await packPackage(staging);
  });
  return join(folder, tarballIn(folder)!);
}

/** A partner's project folder: its own package.json, `npm install`ed. */
export async function installApp(folder: string, dependencies: Record<string, string>): Promise<void> {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'partner-app', private: true, type: 'module', dependencies }, null, 2));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, env: cleanEnv(), maxBuffer: 64 << 20 });
}

const digestOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 20);

/**
 * An install of `dependencies` made once for every run that asks for the same ones (the widget's
 * `file:` tarball is named by its sources' digest, see `packedPackage`, so other sources install
 * anew): the install's own folder, which names what is installed.
 */
export async function appInstall(dependencies: Record<string, string>): Promise<string> {
  const key = digestOf(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  return keptFolder(`${PACKAGE_NAME}-installed`, key, (candidate) => existsSync(join(candidate, 'node_modules')), (staging) => installApp(staging, dependencies));
}

/**
 * A partner's project folder whose `node_modules` is `appInstall(dependencies)`, linked into
 * `folder`. Nothing writes into an install: apps build, type-check and serve in their own folders.
 * Returns the install's own folder.
 */
export async function installedApp(folder: string, dependencies: Record<string, string>): Promise<string> {
  const kept = await appInstall(dependencies);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), readFileSync(join(kept, 'package.json')));
  symlinkSync(join(kept, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return kept;
}

/** The version of a package installed in the app. */
export const installedVersion = (folder: string, name: string): string =>
  (JSON.parse(readFileSync(join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** Imports a package entry as the app would (through its exports map). */
export async function importFromApp<T>(folder: string, specifier: string): Promise<T> {
  const resolved = createRequire(join(folder, 'package.json')).resolve(specifier);
  return (await import(/* @vite-ignore */ pathToFileURL(resolved).href)) as T;
}

export interface BuiltPage {
  /** The built files, served from `/`. */
  outDir: string;
  /** Every file the page loads before its script runs: the entry and its static imports. */
  initialFiles: string[];
  /** Each JavaScript file's modules (by id) and their code as rendered into it, before minifying. */
  modules: Record<string, Record<string, string>>;
  /** What Vite warned about while building. */
  warnings: string[];
}

/**
 * Builds one page of the app with Vite and the React plugin, as `npm create vite` (react) would: an
 * `index.html` and its script `src/<name>.jsx`.
 */
export async function buildPage(
  folder: string,
  name: string,
  script: string,
  options: { profiling?: boolean; minify?: boolean } = {},
): Promise<BuiltPage> {
  const root = join(folder, name);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>${name}</title></head>\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.jsx"></script>\n  </body>\n</html>\n`,
  );
  writeFileSync(join(root, 'src', 'main.jsx'), script);
  const warnings: string[] = [];
  const logger = createLogger('warn', { allowClearScreen: false });
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = logger.warn;
  const outDir = join(root, 'dist');
  // A production build, as `vite build` run by a partner makes: the test runner's NODE_ENV=test
  // would otherwise give React's development build and JSX.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let output: Awaited<ReturnType<typeof build>>;
  try {
    output = await build({
      root,
      configFile: false,
      envDir: false,
      mode: 'production',
      logLevel: 'warn',
      customLogger: logger,
      plugins: [react()],
      // React's profiling build keeps <Profiler> working in production.
      resolve: options.profiling ? { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] } : {},
      build: { outDir, emptyOutDir: true, manifest: true, minify: options.minify ?? true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const modules: BuiltPage['modules'] = {};
  for (const { output: files } of Array.isArray(output) ? output : 'output' in output ? [output] : []) {
    for (const file of files) {
      if (file.type === 'chunk') modules[file.fileName] = Object.fromEntries(Object.entries(file.modules).map(([id, module]) => [id, module.code ?? '']));
    }
  }
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return { outDir, initialFiles: [...initial], modules, warnings };
}

/**
 * `buildPage`, made once for every run that builds the same page on the same install (`install`,
 * as `installedApp` returns it): the bench's files share their pages, and a second run of the
 * same sources builds nothing.
 */
export async function keptPage(folder: string, install: string, name: string, script: string, options: Parameters<typeof buildPage>[3] = {}): Promise<BuiltPage> {
  const kept = await keptFolder(`${PACKAGE_NAME}-page`, digestOf([install, name, script, options]), (candidate) => existsSync(join(candidate, 'page.json')), async (staging) => {
    const { outDir, ...page } = await buildPage(folder, name, script, options);
    renameSync(outDir, join(staging, 'dist'));
    writeFileSync(join(staging, 'page.json'), JSON.stringify(page));
  });
  return { outDir: join(kept, 'dist'), ...(JSON.parse(readFileSync(join(kept, 'page.json'), 'utf8')) as Omit<BuiltPage, 'outDir'>) };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

type SandboxModule = typeof import('../../src/sandbox');
type ProxyModule = typeof import('../../src/proxy');

export interface PartnerServer {
  url: string;
  /** The sandbox behind the proxy (its clock, its settings). */
  sandbox: ReturnType<SandboxModule['createSandbox']>;
  /** Requests that reached the proxy, by path. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A partner's Node server: the built page at `/`, the package's proxy at `/proxy`, and the package's
 * sandbox at `/sandbox` standing in for the API, over HTTP, as a partner's staging would.
 */
export async function servePartner(
  folder: string,
  pageDir: string,
  options: { quoteLifetimeMs?: number; rateLimits?: false } = {},
): Promise<PartnerServer> {
  const { createSandbox, SANDBOX_FIXTURES } = await importFromApp<SandboxModule>(folder, `${PACKAGE_NAME}/sandbox`);
  const { createOffRampProxy } = await importFromApp<ProxyModule>(folder, `${PACKAGE_NAME}/proxy`);
  const sandbox = createSandbox({ quoteLifetimeMs: options.quoteLifetimeMs });
  const requests: string[] = [];
  let proxy: ((request: Request, env?: unknown) => Promise<Response>) | undefined;
  let origin = '';
  const staticFile = (pathname: string): Response => {
    const file = normalize(join(pageDir, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(pageDir + sep)) return new Response('not found', { status: 404 });
    try {
      return new Response(readFileSync(file), { headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request: Request, env: unknown) => {
      const { pathname, search } = new URL(request.url);
      if (pathname.startsWith('/sandbox/')) {
        const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
        return sandbox.fetch(`${pathname.slice('/sandbox'.length)}${search}`, { method: request.method, headers: request.headers, body });
      }
      if (pathname.startsWith('/proxy/')) {
        requests.push(pathname.slice('/proxy'.length));
        proxy ??= createOffRampProxy({
          upstream: `${origin}/sandbox`,
          apiKey: SANDBOX_FIXTURES.apiKey,
          // A new seller, with no saved account: the bank step asks for the details.
          resolveUserId: () => SANDBOX_FIXTURES.newUserId,
          basePath: '/proxy',
          ...(options.rateLimits === false ? { rateLimits: false } : {}),
          logger: () => undefined,
        });
        return proxy(request, env);
      }
      return staticFile(pathname);
    },
  }) as Server;
  if (!server.listening) await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    sandbox,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Runs a module-script snippet in plain Node, in the app's folder (no DOM, no bundler); what it prints. */
export async function runInNode(folder: string, source: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', source], { cwd: folder, env: cleanEnv() });
  return stdout.trim();
}

/**
 * Type-checks `source` as a file of the app (`check.tsx`) with the project's TypeScript, under the
 * settings a partner's strict ES-module project has; TypeScript's report, empty when it passes.
 */
export async function typecheckInApp(folder: string, source: string, options: { skipLibCheck: boolean }): Promise<string> {
  writeFileSync(join(folder, 'check.tsx'), source);
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2023', 'dom'],
    jsx: 'react-jsx',
    noEmit: true,
    skipLibCheck: options.skipLibCheck,
    types: [],
  };
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.tsx'] }, null, 2));
  try {
    await run(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc'), ['-p', folder], { cwd: folder });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

export const removeFolder = (folder: string) => rmSync(folder, { recursive: true, force: true });
