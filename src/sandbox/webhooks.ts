/**
 * The sandbox's outgoing webhooks: each event is signed with the partner's secret and sent to the
 * partner's URL, then sent again on the contract's schedule while the answer is not 2xx. Nothing
 * runs on its own: attempts that are due go out when the sandbox handles a request or when
 * `deliverDue` is called, so a test (or a dev server left idle) keeps no timer alive.
 */
import { signWebhookBody, WEBHOOK_ATTEMPT_DELAYS_MS, WEBHOOK_SIGNATURE_HEADER } from '../api/webhooks';
import { isoTime } from './context';

export type WebhookFetch = (input: string, init: RequestInit) => Promise<Response>;

export interface WebhookAttempt {
  /** When it was made (the sandbox's clock). */
  at: string;
  /** The partner's HTTP status; null when no answer came (network failure). */
  status: number | null;
}

/** One event to one URL, with every attempt made so far. */
export interface WebhookDelivery {
  url: string;
  /** The exact JSON body, as signed. */
  body: string;
  event: string;
  /** `delivered`: a 2xx came back. `failed`: every scheduled attempt failed; no more are made. */
  state: 'pending' | 'delivered' | 'failed';
  attempts: WebhookAttempt[];
}

interface Entry extends WebhookDelivery {
  secret: string;
  /** Sandbox-clock ms of the first attempt; the schedule counts from it. */
  queuedAt: number;
}

export interface Outbox {
  /** Queues an event; its first attempt is due at once. */
  enqueue(url: string, secret: string, event: { event: string } & Record<string, unknown>): void;
  /**
   * Makes every attempt that is due, one at a time in the order the events happened, and resolves
   * when none is left. A call while attempts are under way joins them (and has them look again).
   */
  deliverDue(): Promise<void>;
  /** Every delivery so far, oldest first (copies). */
  deliveries(): WebhookDelivery[];
}

export const createOutbox = (now: () => number, send: WebhookFetch): Outbox => {
  const entries: Entry[] = [];
  let draining: Promise<void> | undefined;
  let lookAgain = false;

  const dueAt = (entry: Entry): number | undefined => {
    const delay = WEBHOOK_ATTEMPT_DELAYS_MS[entry.attempts.length];
    return delay === undefined ? undefined : entry.queuedAt + delay;
  };

  const attempt = async (entry: Entry) => {
    const record: WebhookAttempt = { at: isoTime(now()), status: null };
    entry.attempts.push(record);
    try {
      const response = await send(entry.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: await signWebhookBody(entry.body, entry.secret) },
        body: entry.body,
      });
      record.status = response.status;
      await response.body?.cancel().catch(() => undefined); // the answer's body says nothing; free the connection
    } catch {
      // No answer: a failed attempt like any non-2xx.
    }
    if (record.status !== null && record.status >= 200 && record.status < 300) entry.state = 'delivered';
    else if (dueAt(entry) === undefined) entry.state = 'failed';
  };

  const isDue = (entry: Entry) => entry.state === 'pending' && (dueAt(entry) ?? Infinity) <= now();

  // One drain at a time: events reach the partner in the order they happened, even when several
  // requests arrive while a slow partner answers.
  const drain = async () => {
    do {
      lookAgain = false;
      for (const entry of entries) if (isDue(entry)) await attempt(entry);
    } while (lookAgain);
  };

  return {
    enqueue(url, secret, event) {
      entries.push({ url, secret, body: JSON.stringify(event), event: event.event, state: 'pending', attempts: [], queuedAt: now() });
    },
    deliverDue() {
      if (draining) {
        lookAgain = true;
        return draining;
      }
      if (!entries.some(isDue)) return Promise.resolve();
      draining = drain().finally(() => {
        draining = undefined;
      });
      return draining;
    },
    deliveries: () =>
      entries.map(({ url, body, event, state, attempts }) => ({ url, body, event, state, attempts: attempts.map((a) => ({ ...a })) })),
  };
};
