/**
 * The sandbox: an in-memory simulator of the off-ramp API, faithful to every rule and error row of
 * the contract (assumed parts included). A web-standard handler, so the same object serves tests
 * (`sandbox.fetch`), the dev server, Storybook's mocks and a partner's offline tests.
 *
 * ```ts
 * const sandbox = createSandbox({ seed: 'demo' });
 * const response = await sandbox.fetch('/api/partner/v2/quotes?…', {
 *   headers: { 'partner-api-key': sandbox.fixtures.apiKey },
 * });
 * ```
 */
import { createIdSource } from './addresses';
import { createFaults, type FaultRule } from './faults';
import { buildApp } from './app';
import type { SandboxContext } from './context';
import { SANDBOX_FIXTURES, seedRecords } from './fixtures';
import { resolveSettings, type SandboxOptions, type SandboxSettings } from './options';
import { decideKyc, type KycDecision } from './kyc';
import { applyClock, transactionView, type SandboxTransaction } from './orders';
import { createStore, type KycIdentity } from './store';
import { createOutbox, type WebhookDelivery } from './webhooks';

export { SANDBOX_FIXTURES } from './fixtures';
export { DEFAULT_USD_RATES } from './options';
export type { AmountLimits, AmountLimitsOption, AmountRange, SandboxOptions, SandboxSettings } from './options';
export type { SandboxOrder, SandboxTransaction } from './orders';
export { DroppedConnection } from './faults';
export type { FaultRule, SandboxFault } from './faults';
export { DEFAULT_IDENTITY, SANDBOX_PATHS } from './kyc';
export type { KycDecision } from './kyc';
export type { KycIdentity } from './store';
export type { WebhookAttempt, WebhookDelivery } from './webhooks';

export type SandboxFixtures = typeof SANDBOX_FIXTURES;

export interface Sandbox {
  /** The handler itself: any `Request` for `/api/partner/v2/…` (host and origin are ignored). */
  (request: Request): Promise<Response>;
  /** `fetch`-compatible, for clients and proxies; relative URLs are accepted. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Changes settings while running (the demo's quote lifetime); what is left out stays as it was. */
  configure(settings: SandboxSettings): void;
  /** The seeded API keys, users, receivers and bank accounts. */
  readonly fixtures: SandboxFixtures;
  /** For tests: every order, of every partner, as `GET /transactions` shows it. Unlike a poll, reading takes no step (due ticks do apply). */
  orders(): readonly SandboxTransaction[];
  /** Makes the next matching request(s) fail as a network or a server can (see `SandboxFault`). */
  injectFault(rule: FaultRule): void;
  /** Removes every fault not yet used. */
  clearFaults(): void;
  /**
   * Marks a user KYC-verified, as the page behind a verification link does (event VERIFIED_USER):
   * for a demo's "verify me" page, or a test. `identity` is what their ID says (default: the
   * user's own, else DEFAULT_IDENTITY). Throws for an unknown user.
   */
  verifyUser(userId: string, identity?: KycIdentity): void;
  /** The other outcome of the identity check: KYC REJECTED (event REJECTED_KYC). */
  rejectUser(userId: string): void;
  /**
   * Makes the webhook attempts that are due on the sandbox's clock (any request also does, without
   * waiting for them) and resolves once they are answered.
   */
  deliverWebhooks(): Promise<void>;
  /** For tests: every webhook so far, with its attempts, oldest first. */
  webhooks(): readonly WebhookDelivery[];
}

/** Relative URLs resolve against this; the sandbox never looks at the host. */
const SANDBOX_ORIGIN = 'http://sandbox.invalid';

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { now = Date.now, seed = crypto.randomUUID(), webhookFetch = (input, init) => fetch(input, init), ...initial } = options;
  let settings: SandboxSettings = initial;
  const ctx: SandboxContext = {
    now,
    settings: resolveSettings(settings),
    store: createStore(seedRecords()),
    ids: createIdSource(seed),
    outbox: createOutbox(now, webhookFetch),
  };
  const app = buildApp(ctx);
  const faults = createFaults();
  const handler = async (request: Request): Promise<Response> => {
    try {
      return await faults.apply(request, async (r) => app.fetch(r));
    } finally {
      // The answer does not wait for the partner's webhook endpoint, as on the real API.
      void ctx.outbox.deliverDue();
    }
  };
  const decide = (userId: string, decision: KycDecision, identity?: KycIdentity) => {
    const user = ctx.store.users.get(userId);
    if (!user) throw new TypeError(`sandbox: no user ${userId}`);
    decideKyc(ctx, user, decision, identity);
  };

  return Object.assign(handler, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      handler(input instanceof Request ? new Request(input, init) : new Request(new URL(input, SANDBOX_ORIGIN), init)),
    configure(changes: SandboxSettings) {
      const next = { ...settings, ...changes };
      ctx.settings = resolveSettings(next); // throws on nonsense before anything changes
      settings = next;
    },
    fixtures: SANDBOX_FIXTURES,
    injectFault: faults.inject,
    clearFaults: faults.clear,
    orders: () => {
      applyClock(ctx);
      return [...ctx.store.orders.values()].map(transactionView);
    },
    verifyUser: (userId: string, identity?: KycIdentity) => decide(userId, 'approve', identity),
    rejectUser: (userId: string) => decide(userId, 'reject'),
    deliverWebhooks: () => {
      applyClock(ctx);
      return ctx.outbox.deliverDue();
    },
    webhooks: () => ctx.outbox.deliveries(),
  });
}
