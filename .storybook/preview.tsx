import type { Preview } from '@storybook/react-vite';
import { VIEWPORTS } from '../stories/viewports';

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
