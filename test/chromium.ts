/**
 * The Chromium every browser test drives: the files that launch it through playwright-core
 * (test/e2e, the package and the bench) and the stories' Vitest browser. Debian's headless shell
 * (`chromium-headless-shell`), the same Chromium without the desktop browser's windowing, when it
 * is installed: about half the CPU time `chromium --headless` takes for the same tests (see the
 * README). Otherwise Debian's `chromium`; `CHROMIUM_PATH` names another.
 */
import { existsSync } from 'node:fs';

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/** No sandbox (CI runs as root), no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
