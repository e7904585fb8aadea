/** Names shared by the demo page and the dev server that serves it. */
export const DEMO_USER_COOKIE = 'offramp-demo-user';
export const DEMO_CONTROL_PATH = '/sandbox/__control';
export type DemoUser = 'verified' | 'unverified';
/** The demo partner's webhook receiver: `POST` takes the API's events, `GET` lists those received (newest first). */
export const DEMO_WEBHOOKS_PATH = '/demo/webhooks';
