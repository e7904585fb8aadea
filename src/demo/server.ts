import type { Plugin } from 'vite';
// Placeholder until the dev server plugin (proxy + sandbox) lands in this file.
export const offRampDevServer = (): Plugin => ({ name: 'offramp-dev-server' });
