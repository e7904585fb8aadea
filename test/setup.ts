import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { loadRail, RAIL_IDS } from '../src/countries';
import { LANGUAGES, loadCatalogue } from '../src/i18n';

// Catalogues and rails load on demand (the end-to-end tests load them so, in Chromium); these tests
// are about what they say and check, so load them first.
beforeAll(() => Promise.all([...LANGUAGES.map(loadCatalogue), ...RAIL_IDS.map(loadRail)]));

// Lazily loaded steps and rails take longer on a busy 2-core CI machine than on a quiet one.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  // An open order is kept for the tab (the widget resumes it): each test starts with a fresh tab.
  globalThis.sessionStorage?.clear();
});
