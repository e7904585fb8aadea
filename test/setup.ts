import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll, vi } from 'vitest';
import { loadRail, RAIL_IDS } from '../src/countries';
import { LANGUAGES, loadAllEnglish, loadCatalogue } from '../src/i18n';

// Catalogues, rails, the API's schemas, the form's and the order's life load on demand (the
// end-to-end tests load them so, in Chromium); these tests are about what they say and check, so
// load them first.
beforeAll(() =>
  Promise.all([
    ...LANGUAGES.map(loadCatalogue),
    loadAllEnglish(),
    ...RAIL_IDS.map(loadRail),
    import('../src/api/schemas'),
    import('../src/widget/formSchema'),
    import('../src/widget/OrderLife'),
  ]),
);

// Waits are for conditions, never a time budget: on a busy machine a step may take seconds to show,
// so give up only far beyond what any condition needs. Time-based behaviour runs on a fake clock.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  // An open order is kept for the tab (the widget resumes it): each test starts with a fresh tab.
  globalThis.sessionStorage?.clear();
});
