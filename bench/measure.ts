/**
 * The bench's measurements: sizes of what a partner's Vite app loads, and what the widget does in
 * Chromium (time to its first input, renders per keystroke, quote requests, heap over many cycles),
 * and the proxy's throughput. Sizes are min+gzip -9, summed per file as a browser downloads them.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, minifySync } from 'vite';
import { PROXY_PATHS } from '../src/api/contract';
import { QUOTE_DEBOUNCE_MS } from '../src/widget/steps/AmountStep';
import { importFromApp, PACKAGE_NAME, type BuiltPage, type PartnerServer } from '../test/package/consumer';

/** min+gzip -9 of code that is already minified. */
export const gzipBytes = (code: string | Buffer) => gzipSync(code, { level: 9 }).byteLength;

/** min+gzip -9 of source code: minified first, as a partner's build would. */
export const minGzipBytes = (code: string) => gzipBytes(minifySync('part.js', code).code);

/** What a page downloads before its script runs, in bytes. */
export const initialBytes = (page: BuiltPage) => page.initialFiles.reduce((sum, file) => sum + gzipBytes(readFileSync(join(page.outDir, file))), 0);

/** Which package a module belongs to: `react-dom`, `@tanstack/query-core`, `offramp-widget`; the page's own code otherwise. */
export const partOf = (id: string): string => {
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (inPackage?.[1]) return inPackage[1];
  return id.startsWith('\0') || id.includes('vite/') ? 'vite runtime' : 'the page';
};

export interface Share {
  part: string;
  /** min+gzip -9 of the part's code alone (shares do not add up exactly to the whole: gzip is not additive). */
  bytes: number;
}

/**
 * What the initial JS of `page` carries that `baseline` does not, by package: each part's modules,
 * as rendered into the page, minified and gzipped on their own.
 */
export function sharesOver(page: BuiltPage, baseline: BuiltPage): Share[] {
  const before = new Set(baseline.initialFiles.flatMap((file) => Object.keys(baseline.modules[file] ?? {})));
  return sharesIn(page, page.initialFiles, before);
}

/** The modules of some of a page's files, by package, leaving out `known` ones (see `sharesOver`). */
export function sharesIn(page: BuiltPage, files: readonly string[], known: ReadonlySet<string> = new Set()): Share[] {
  const code = new Map<string, string>();
  for (const file of files) {
    for (const [id, text] of Object.entries(page.modules[file] ?? {})) {
      if (known.has(id) || !text) continue;
      const part = partOf(id);
      code.set(part, `${code.get(part) ?? ''}\n${text}`);
    }
  }
  return [...code].map(([part, text]) => ({ part, bytes: minGzipBytes(text) })).sort((a, b) => b.bytes - a.bytes);
}

/** A new page whose network and CPU are its own: no cache from an earlier load. */
async function freshPage(browser: Browser, cpuSlowdown = 1): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return page;
}

const closePage = (page: Page) => page.context().close();

/** What the page prints when its amount field can take a key, followed by the time. */
const FIRST_INPUT_LINE = 'offramp-bench first input at ';

/**
 * Records when the amount field can take a key, in ms since navigation began: the enabled input
 * labelled "Amount" (on both pages the field the user types first) is in the document. Checked
 * after each change to the document, so the time is that of the task that put the field there.
 * The page says it on its console: waiting with Playwright's own functions would compile its
 * helper script in the throttled page, a third of a second of the page's CPU, while the widget
 * may still be starting.
 */
const FIRST_INPUT_RECORDER = `(() => {
  const isAmountField = (input) => !input.disabled && input.matches(':enabled') && [...(input.labels ?? [])].some((label) => label.textContent.trim() === 'Amount');
  const observer = new MutationObserver(() => {
    if ([...document.querySelectorAll('input')].some(isAmountField)) {
      console.log(${JSON.stringify(FIRST_INPUT_LINE)} + performance.now());
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/** Milliseconds from navigation until the page's amount field can be used, under a CPU `cpuSlowdown` times slower. */
export async function timeToFirstInput(browser: Browser, url: string, cpuSlowdown: number): Promise<number> {
  const page = await freshPage(browser, cpuSlowdown);
  let giveUp: NodeJS.Timeout | undefined;
  try {
    const firstInput = new Promise<number>((resolve, reject) => {
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith(FIRST_INPUT_LINE)) resolve(Number(text.slice(FIRST_INPUT_LINE.length)));
      });
      page.on('crash', () => reject(new Error(`${url} crashed before its first input`)));
      giveUp = setTimeout(() => reject(new Error(`${url} showed no amount field in 60 s`)), 60_000);
    });
    await page.addInitScript(FIRST_INPUT_RECORDER);
    await page.goto(url, { waitUntil: 'commit' });
    return await firstInput;
  } finally {
    clearTimeout(giveUp);
    await closePage(page);
  }
}

/** The JavaScript a page has downloaded once its first input shows and its network has gone quiet, in bytes (min+gzip -9). */
export async function jsFetchedAtMount(browser: Browser, server: PartnerServer, outDir: string): Promise<{ bytes: number; files: string[] }> {
  const page = await freshPage(browser);
  const files: string[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) files.push(path.slice(1));
  });
  try {
    await page.goto(server.url);
    await page.locator('input').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { bytes: files.reduce((sum, file) => sum + gzipBytes(readFileSync(join(outDir, file))), 0), files };
  } finally {
    await closePage(page);
  }
}

/**
 * React DevTools' own hook, reduced to what the bench needs: after each commit, the components
 * that rendered in it. A component rendered if it mounted, or if React marked it as having done
 * work (PerformedWork) in a subtree this render visited; subtrees React skipped keep the previous
 * render's children, which are not counted.
 */
const RENDER_RECORDER = `(() => {
  const PERFORMED_WORK = 1;
  // Function, class, forwardRef and simple memo components: the fibers that call user code.
  const COMPONENTS = new Set([0, 1, 11, 15]);
  const nameOf = (fiber) => {
    const type = fiber.tag === 11 ? fiber.type.render : fiber.type;
    return (type && (type.displayName || type.name)) || 'Anonymous';
  };
  const renderedIn = (root) => {
    const names = [];
    const visit = (fiber) => {
      if (COMPONENTS.has(fiber.tag) && (fiber.alternate === null || (fiber.flags & PERFORMED_WORK) !== 0)) names.push(nameOf(fiber));
      if (fiber.alternate !== null && fiber.child === fiber.alternate.child) return;
      for (let child = fiber.child; child !== null; child = child.sibling) visit(child);
    };
    visit(root.current);
    return names;
  };
  window.renderedPerCommit = [];
  let renderers = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) { renderers += 1; this.renderers.set(renderers, renderer); return renderers; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    setStrictMode() {},
    onCommitFiberRoot(_id, root) { window.renderedPerCommit.push(renderedIn(root)); },
  };
})();`;

interface Recorded {
  renderedPerCommit: string[][];
  widgetCommits: number;
  quotesShown: string[];
}
const recorded = (page: Page) =>
  page.evaluate(() => {
    const seen = window as unknown as Recorded;
    return { commits: seen.renderedPerCommit.length, widgetCommits: seen.widgetCommits, quotes: seen.quotesShown.length };
  });
/** Resolves after the next frame has been drawn: the commits a key press caused have happened by then. */
const FRAME_MS = 16;

const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));

/**
 * One frame of a paused page clock, and the work it sets off. The frame's callback is registered
 * in the page before the clock runs (two calls to Playwright are not ordered in the page), and the
 * clock runs until it has fired. Then one real task of the page: React finishes a frame's work in
 * tasks of a message channel, which the clock does not fake.
 */
async function runOneFrame(page: Page): Promise<void> {
  type Framed = { frameSeen?: boolean };
  await page.evaluate(() => {
    (window as unknown as Framed).frameSeen = false;
    requestAnimationFrame(() => {
      (window as unknown as Framed).frameSeen = true;
    });
  });
  do await page.clock.runFor(FRAME_MS);
  while (!(await page.evaluate(() => (window as unknown as Framed).frameSeen)));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
  );
}

/**
 * Pauses the page's running clock at about its present time: a moment just ahead of the page's
 * `Date.now()`, read again if the clock has passed it by the time the pause arrives.
 */
async function pauseClock(page: Page): Promise<void> {
  for (;;) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + FRAME_MS);
      return;
    } catch (error) {
      if (!String(error).includes('Cannot fast-forward to the past')) throw error;
    }
  }
}

export interface Keystrokes {
  /** Per key: the widget's commits (React Profiler). */
  commits: number[];
  /** Per key: the components that rendered. */
  rendered: string[][];
  /** Quote requests the whole amount caused. */
  quoteRequests: number;
}

/**
 * Types `amount` into the amount field one key at a time, as fast as a quick typist (no key waits
 * for the debounce), recording what each key rendered; then waits for the quote.
 */
export async function typeAmount(browser: Browser, server: PartnerServer, amount: string): Promise<Keystrokes> {
  const page = await freshPage(browser);
  try {
    await page.addInitScript(RENDER_RECORDER);
    // The page's timers on a clock of the bench's: however slowly the keys arrive through the
    // browser's protocol, the typist is a quick one (no debounce runs out between keys).
    await page.clock.install();
    await page.goto(server.url);
    const field = page.getByLabel('Amount', { exact: true });
    await field.waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Reaching for the widget downloads what talks to the network, which then reads the user's
    // verification: once, before the first key, as a user's first look does.
    const verificationRead = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(PROXY_PATHS.kycStatus));
    await field.focus();
    await verificationRead;
    await pauseClock(page);
    // What the answer causes is the widget's own doing, not the first key's: some of it waits on
    // the page's timers (TanStack Query tells its observers on a timer), which are the bench's now.
    // Frames run until three in a row commit nothing.
    for (let quiet = 0; quiet < 3; ) {
      const before = (await recorded(page)).commits;
      await runOneFrame(page);
      quiet = (await recorded(page)).commits === before ? quiet + 1 : 0;
    }
    const requestsBefore = server.requests.length;
    const commits: number[] = [];
    const rendered: string[][] = [];
    for (const key of amount) {
      const before = await recorded(page);
      await page.keyboard.press(key);
      // One frame of the page's clock per key.
      await runOneFrame(page);
      const after = await recorded(page);
      commits.push(after.widgetCommits - before.widgetCommits);
      rendered.push(
        await page.evaluate((from) => (window as unknown as Recorded).renderedPerCommit.slice(from).flat(), before.commits),
      );
    }
    await page.clock.runFor(QUOTE_DEBOUNCE_MS);
    await page.clock.resume();
    await page.waitForFunction(() => (window as unknown as Recorded).quotesShown.length > 0, undefined, { timeout: 60_000 });
    await nextFrame(page);
    const quoteRequests = server.requests.slice(requestsBefore).filter((path) => path.endsWith('/quotes')).length;
    return { commits, rendered, quoteRequests };
  } finally {
    await closePage(page);
  }
}

/** V8 heap snapshot node types that hold a page's own data (not compiled code, shapes or the browser's own records). */
const DATA_TYPES = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface Heap {
  /** `Runtime.getHeapUsage`: everything V8 holds, compiled code included. */
  used: number;
  /** The page's own JavaScript data: objects, closures, arrays and strings still reachable. */
  data: number;
}

/** The page's heap after full garbage collections. */
async function heapAfterGc(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let round = 0; round < 3; round += 1) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as HeapSnapshot;
    const fields = snapshot.meta.node_fields;
    const [type, name, selfSize] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number];
    const types = snapshot.meta.node_types[0];
    let data = 0;
    for (let node = 0; node < nodes.length; node += fields.length) {
      const nodeName = strings[nodes[node + name] ?? 0] ?? '';
      // V8's own bookkeeping is named `system / …`; a closure's captured variables (`system / Context`) are the page's.
      if (DATA_TYPES.has(types[nodes[node + type] ?? 0] ?? '') && (!nodeName.startsWith('system / ') || nodeName.startsWith('system / Context'))) {
        data += nodes[node + selfSize] ?? 0;
      }
    }
    return { used: usedSize, data };
  } finally {
    await cdp.detach();
  }
}

export interface HeapGrowth {
  /** Growth of the page's own data, in bytes, from after the warm-up to the end. */
  data: number;
  /** Growth of the whole heap (compiled code and the bench's own evaluations included). */
  used: number;
  cycles: number;
}

const growth = (start: Heap, end: Heap, cycles: number): HeapGrowth => ({ data: end.data - start.data, used: end.used - start.used, cycles });

/**
 * Heap growth over `cycles` quote renewals on the amount step. The page's clock is Playwright's:
 * time flows as usual, and each cycle jumps it past the quote's expiry (its countdown reads the
 * clock, corrected by the server's Date), so a renewal takes a request's time rather than the
 * quote's lifetime. The server must not rate-limit quotes.
 */
export async function heapOverRenewals(browser: Browser, server: PartnerServer, cycles: number, quoteLifetimeMs: number, warmUp = 5): Promise<HeapGrowth> {
  const page = await freshPage(browser);
  const quotesShown = () => page.evaluate(() => (window as unknown as Recorded).quotesShown.length);
  const renew = async () => {
    const before = await quotesShown();
    await page.clock.fastForward(quoteLifetimeMs + 1_000);
    await page.waitForFunction((count) => (window as unknown as Recorded).quotesShown.length > count, before, { timeout: 30_000 });
  };
  try {
    await page.clock.install();
    await page.goto(server.url);
    await page.getByLabel('Amount', { exact: true }).fill('100');
    await page.waitForFunction(() => (window as unknown as Recorded).quotesShown.length > 0, undefined, { timeout: 30_000 });
    for (let cycle = 0; cycle < warmUp; cycle += 1) await renew();
    const start = await heapAfterGc(page);
    for (let cycle = 0; cycle < cycles; cycle += 1) await renew();
    return growth(start, await heapAfterGc(page), cycles);
  } finally {
    await closePage(page);
  }
}

/**
 * Round trips from the amount step to the bank step and back, driven inside the page as a user's
 * clicks would (a click once Continue can go on: a firm quote on screen), each step awaited as it
 * appears. From the page itself, a trip costs the page's own work, not a dozen protocol round
 * trips; fails, with what the page shows, if a step does not come within 30 s.
 */
const ROUND_TRIPS = async (trips: number) => {
  const showing = <T,>(what: string, find: () => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const giveUp = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no ${what} within 30 s; the page shows: ${document.body.innerText.slice(0, 1_000)}`));
      }, 30_000);
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(giveUp);
        observer.disconnect();
        resolve(found);
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });
  const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name && !candidate.disabled);
  const field = (label: string) => [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label)?.control ?? undefined;
  for (let trip = 0; trip < trips; trip += 1) {
    (await showing('Continue under a firm quote', () => (/Quote expires in \d:\d\d/.test(document.body.innerText) ? button('Continue') : undefined))).click();
    await showing('CLABE field', () => field('CLABE'));
    (await showing('Back button', () => button('Back'))).click();
    await showing('amount field', () => field('Amount'));
  }
};

/** Heap growth over `cycles` round trips from the amount step to the bank step and back. */
export async function heapOverStepRoundTrips(browser: Browser, server: PartnerServer, cycles: number, warmUp = 5): Promise<HeapGrowth> {
  const page = await freshPage(browser);
  try {
    await page.goto(server.url);
    await page.getByLabel('Amount', { exact: true }).fill('100');
    await page.evaluate(ROUND_TRIPS, warmUp);
    const start = await heapAfterGc(page);
    await page.evaluate(ROUND_TRIPS, cycles);
    return growth(start, await heapAfterGc(page), cycles);
  } finally {
    await closePage(page);
  }
}

/** Serves the package's sandbox, or its proxy in front of a sandbox, in a Node process of its own. */
async function startServer(appFolder: string, role: 'sandbox' | 'proxy', upstream = ''): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./load-server.mjs', import.meta.url)), appFolder, role, upstream], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: line.toString().trim(), stop: () => void child.kill() };
}

/** Requests per second that `connections` clients get answered (2xx) in `seconds`, after a short warm-up. */
async function requestsPerSecond(url: string, init: RequestInit, connections: number, seconds: number): Promise<{ perSecond: number; failed: number }> {
  const hammer = async (ms: number) => {
    let answered = 0;
    let failed = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const response = await fetch(url, init);
          await response.arrayBuffer();
          if (response.ok) answered += 1;
          else failed += 1;
        }
      }),
    );
    return { answered, failed };
  };
  await hammer(500);
  const { answered, failed } = await hammer(seconds * 1000);
  return { perSecond: answered / seconds, failed };
}

export interface Throughput {
  sandbox: number;
  proxy: number;
  failed: number;
}

/**
 * Quote requests per second: the sandbox alone, then the proxy in front of it (each server a Node
 * process of its own). Both start before either is measured: the proxy waits idle meanwhile.
 */
export async function proxyThroughput(appFolder: string, seconds = 1, connections = 16): Promise<Throughput> {
  const quote = JSON.stringify({ transactionType: 'OFF_RAMP', fiatCurrency: 'MXN', blockchainSymbol: 'POL', tokenSymbol: 'USDC', cryptoAmount: 100 });
  const sandbox = await startServer(appFolder, 'sandbox');
  try {
    const [proxy, { SANDBOX_FIXTURES }] = await Promise.all([
      startServer(appFolder, 'proxy', sandbox.url),
      importFromApp<typeof import('../src/sandbox')>(appFolder, `${PACKAGE_NAME}/sandbox`),
    ]);
    try {
      const alone = await requestsPerSecond(
        `${sandbox.url}/api/partner/v2/quotes`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'partner-api-key': SANDBOX_FIXTURES.apiKey }, body: quote },
        connections,
        seconds,
      );
      const behind = await requestsPerSecond(`${proxy.url}/api/partner/v2/quotes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: quote }, connections, seconds);
      return { sandbox: alone.perSecond, proxy: behind.perSecond, failed: alone.failed + behind.failed };
    } finally {
      proxy.stop();
    }
  } finally {
    sandbox.stop();
  }
}

/** min+gzip -9 of each file of the loader the package ships (none before the loader exists). */
export function loaderBytes(appFolder: string): Record<string, number> {
  const dist = join(appFolder, 'node_modules', PACKAGE_NAME, 'dist');
  const sizes: Record<string, number> = {};
  for (const file of ['loader.js', 'loader.global.js']) {
    if (existsSync(join(dist, file))) sizes[file] = minGzipBytes(readFileSync(join(dist, file), 'utf8'));
  }
  return sizes;
}

/** What a built HTML page loads at start: its module scripts and module preloads, min+gzip -9 (undefined without the page). */
export function pageScriptBytes(outDir: string, html: string): number | undefined {
  if (!existsSync(join(outDir, html))) return undefined;
  const text = readFileSync(join(outDir, html), 'utf8');
  const sources = [...text.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  return [...new Set(sources)].reduce((sum, source) => sum + gzipBytes(readFileSync(join(outDir, source.replace(/^\.?\//, '')))), 0);
}

/**
 * The widget's own code that a partner page loads at start, by source file: the package's widget
 * build made again in memory, the chunk that holds the widget and the chunks it imports statically, each
 * source file's rendered code minified and gzipped on its own.
 */
export async function widgetCodeShares(projectRoot: string, outDir: string): Promise<Share[]> {
  const output = await build({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    configLoader: 'runner',
    mode: 'lib',
    logLevel: 'silent',
    build: { outDir, write: false },
  });
  const chunks = (Array.isArray(output) ? output : 'output' in output ? [output] : [])
    .flatMap(({ output: files }) => files)
    .flatMap((file) => (file.type === 'chunk' ? [file] : []));
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (name: string) => {
    const chunk = byName.get(name);
    if (!chunk || initial.has(name)) return;
    initial.add(name);
    for (const imported of chunk.imports) visit(imported);
  };
  // From the chunk that holds the widget's component: the entry also re-exports parts that only
  // lazily loaded code reads (the contract's error rows), which a partner's bundler leaves out of
  // the page's start.
  for (const chunk of chunks) if (Object.keys(chunk.modules).some((id) => id.endsWith('/src/widget/OffRampWidget.tsx'))) visit(chunk.fileName);
  const sourceRoot = join(projectRoot, 'src') + '/';
  return [...initial]
    .flatMap((name) => Object.entries(byName.get(name)?.modules ?? {}))
    .filter(([, module]) => module.code)
    .map(([id, module]) => ({ part: id.replace(sourceRoot, ''), bytes: minGzipBytes(module.code ?? '') }))
    .sort((a, b) => b.bytes - a.bytes);
}
