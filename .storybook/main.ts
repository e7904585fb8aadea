import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // vite.config.ts is run as a module, as `vite --configLoader runner` does: its imports of the
  // project's TypeScript need no bundling, and bring no config-loader warnings.
  framework: { name: '@storybook/react-vite', options: { builder: { configLoader: 'runner' } } },
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The default react-docgen reads the props from the source: react-docgen-typescript needs a
  // TypeScript compiler API, which TypeScript 7 does not have.
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal(viteConfig) {
    // Stories run the sandbox and the proxy in the page: the demo's HTTP mounts are not needed.
    viteConfig.plugins = (viteConfig.plugins ?? []).flat().filter((plugin) => !(plugin && 'name' in plugin && plugin.name === 'offramp-dev-server'));
    // The static Storybook's preview is one chunk of about 1.1 MB by nature (Storybook's runtime,
    // every story, the sandbox and proxy they run in the page): a demo site, not what a partner's
    // page loads (the bench budgets that). No warning box for it in `npm run build-storybook`.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1_500 };
    return viteConfig;
  },
};

export default config;
