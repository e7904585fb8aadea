import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { format } from 'node:util';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { loadRail, RAIL_IDS } from '../src/countries';
import { LANGUAGES, loadAllEnglish, loadCatalogue } from '../src/i18n';

// Catalogues, rails, the API's schemas, the form's, the quote's and the order's life and the later
// steps load on demand (the end-to-end tests load them so, in Chromium); these tests are about what
// they say and check, so load them first (a module imported here, its download in a test resolves
// at once).
beforeAll(() =>
  Promise.all([
    ...LANGUAGES.map(loadCatalogue),
    loadAllEnglish(),
    ...RAIL_IDS.map(loadRail),
    import('../src/api/schemas'),
    import('../src/widget/formSchema'),
    import('../src/widget/QuoteLife'),
    import('../src/widget/OrderLife'),
    ...['BankStep', 'ReviewStep', 'KycStep', 'SendStep', 'StatusStep'].map((step) => import(`../src/widget/steps/${step}.tsx`)),
  ]),
);

// Waits are for conditions, never a time budget: on a busy machine a step may take seconds to show,
// so give up only far beyond what any condition needs. Time-based behaviour runs on a fake clock.
configure({ asyncUtilTimeout: 40_000 });

/** The real `setTimeout`, which a test's fake clock does not replace. */
const realSetTimeout = globalThis.setTimeout;

/**
 * React Testing Library's wrapper around `waitFor`, the `find*` queries and user-event (act() off
 * while they wait), ending with a real macrotask. Its own last wait is a `setTimeout(0)`, which the
 * widget's fake clock fires only when it moves, together with the widget's timers due by then (a
 * query's answer handed to the widget): their renders and effects then ran just after act() was
 * back on, each one reported as an update not wrapped in act().
 */
configure({
  asyncWrapper: async (callback) => {
    const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = environment.IS_REACT_ACT_ENVIRONMENT;
    environment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      const result = await callback();
      // What the last change set off, down to its effects, renders before act() is on again.
      await new Promise((resolve) => realSetTimeout(resolve, 0));
      return result;
    } finally {
      environment.IS_REACT_ACT_ENVIRONMENT = previous;
    }
  },
});

/**
 * An update React reports as "not wrapped in act(...)" happened while no test was waiting for it:
 * what the test then asserts may not be what the user sees. Each one fails its test, with the code
 * that caused it (the report names only the component).
 */
const actWarnings: string[] = [];
const reportError = console.error;
// Files of a worker share this console (vite.config.ts): each file wraps it once and unwraps it.
afterAll(() => {
  console.error = reportError;
});
console.error = (...args: unknown[]) => {
  const message = format(...args);
  if (message.includes('not wrapped in act(')) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 100;
    const stack = new Error().stack;
    Error.stackTraceLimit = limit;
    const cause = (stack ?? '').split('\n').slice(2).filter((line) => !line.includes('/node_modules/'));
    actWarnings.push([message.split('\n')[0], ...cause].join('\n'));
  }
  reportError.apply(console, args);
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  // An open order is kept for the tab (the widget resumes it): each test starts with a fresh tab.
  globalThis.sessionStorage?.clear();
  const warnings = actWarnings.splice(0);
  if (warnings.length) throw new Error(`React updated outside act():\n\n${warnings.join('\n\n')}`);
});

// The files of a worker share one document (vite.config.ts): each leaves it as a new page has it.
afterAll(() => {
  if (typeof document === 'undefined') return;
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name);
  if ('adoptedStyleSheets' in document) document.adoptedStyleSheets = [];
});
