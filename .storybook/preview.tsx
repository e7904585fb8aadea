import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { WAIT } from '../stories/flow';
import { VIEWPORTS } from '../stories/viewports';

// Every wait of a play function, `findBy…` and `waitFor` alike, gives a busy machine as long as the
// waits that name WAIT: the library's default second is shorter than a lazily loaded step can take.
configure({ asyncUtilTimeout: WAIT.timeout });

const preview: Preview = {
  parameters: {
    // Any axe violation fails the story's test, in Storybook's test panel, `npm test` and CI.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst', matchers: { date: /At$/ } },
    viewport: { options: VIEWPORTS },
    docs: { codePanel: true },
  },
};

export default preview;
