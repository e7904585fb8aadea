/** Names shared by the demo page and the dev server that serves it. */
export const DEMO_USER_COOKIE = 'offramp-demo-user';
export const DEMO_CONTROL_PATH = '/sandbox/__control';
/** A verified new seller, a verified one with saved accounts and receivers, and one without KYC. */
export type DemoUser = 'verified' | 'saved' | 'unverified';
/** The demo partner's webhook receiver: `POST` takes the API's events, `GET` lists those received (newest first). */
export const DEMO_WEBHOOKS_PATH = '/demo/webhooks';
/** Starts the signed-in demo user's identity check on the sandbox's own verification page. */
export const DEMO_KYC_PATH = '/demo/kyc';
