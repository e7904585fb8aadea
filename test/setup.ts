import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { LANGUAGES, loadCatalogue } from '../src/i18n';

// Catalogues other than English load on demand; the tests are about what they say, so load them first.
beforeAll(() => Promise.all(LANGUAGES.map(loadCatalogue)));

// Lazily loaded steps and rails take longer on a busy 2-core CI machine than on a quiet one.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => cleanup());
