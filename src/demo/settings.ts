/** Names shared by the demo page and the dev server that serves it. */
export const DEMO_USER_COOKIE = 'offramp-demo-user';
export const DEMO_CONTROL_PATH = '/sandbox/__control';
export type DemoUser = 'verified' | 'unverified';
