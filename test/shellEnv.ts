/**
 * The environment of a command a test starts, as a shell would give it: without Vitest's own
 * variables, which change what Vite builds (`NODE_ENV=test` gives React's development build) and
 * what `vite.config.ts` loads (`VITEST` brings the test projects' plugins).
 */
export const shellEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
