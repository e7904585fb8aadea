/**
 * Network faults and a struggling server, injected in the sandbox: the widget says what happened,
 * recovers on retry, keeps every value, and exactly one order exists afterwards.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import type { SandboxFault } from '../../src/sandbox';
import { ORDER_ATTEMPTS } from '../../src/widget/retry';
import { fastForwardUntil, jumpClock, passDebounce, renderWidget, VALID_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

const COUNTDOWN = /^Quote expires in \d:\d\d$/;
const depositAddress = () => screen.getByRole('region', { name: 'Deposit address' });

async function toReview(harness: Harness) {
  await harness.user.type(screen.getByLabelText('Amount'), '100');
  await passDebounce();
  await screen.findByText(COUNTDOWN);
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Review your order' });
}

const onOrder = (harness: Harness, fault: SandboxFault, times = 1) =>
  harness.sandbox.injectFault({ method: 'POST', path: API_PATHS.offRamp, fault, times });

describe('an order whose answer is lost', () => {
  it.each([
    ['the connection drops after the order is made', { kind: 'drop' } as const],
    ['a gateway answers 502 before the API sees it', { kind: 'gateway', status: 502 } as const],
    ['the API answers 500', { kind: 'error', error: API_ERRORS.internalError } as const],
  ])('is retried with its key when %s: one order', async (_case, fault) => {
    const harness = renderWidget();
    await toReview(harness);
    onOrder(harness, fault);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await fastForwardUntil(() => expect(depositAddress()).toBeInTheDocument());
    const keys = harness.orderRequests().map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  // Lost between the proxy and the browser: the proxy has the answer (and replays it for the key),
  // the browser does not.
  const answerLost = () => {
    const lost = { answers: 0, mangle: (response: Response): Promise<Response> => Promise.resolve(response) };
    const intercept = async (request: Request, respond: () => Promise<Response>) => {
      const response = await respond();
      if (!(request.method === 'POST' && new URL(request.url).pathname.endsWith(API_PATHS.offRamp)) || lost.answers === 0) return response;
      lost.answers -= 1;
      return lost.mangle(response);
    };
    return { lost, intercept };
  };
  const truncated = async (response: Response) => new Response((await response.text()).slice(0, 40), { status: response.status, headers: response.headers });
  const wrongTypes = async (response: Response) => {
    const body = (await response.json()) as { data: Record<string, unknown> };
    return Response.json({ ...body, data: { ...body.data, cryptoAmount: 'lots' } }, { status: response.status, headers: response.headers });
  };
  const dropped = async (): Promise<Response> => {
    throw new TypeError('Failed to fetch');
  };

  it.each([
    ['truncated JSON', truncated],
    ['amounts of the wrong type', wrongTypes],
  ])('is said plainly when it comes back as %s, and Try again finds the one order', async (_case, mangle) => {
    const { lost, intercept } = answerLost();
    const harness = renderWidget({}, { intercept });
    await toReview(harness);
    Object.assign(lost, { answers: 1, mangle });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The server sent an answer we could not read. Please try again.')).toBeInTheDocument();
    expect(harness.sandbox.orders()).toHaveLength(1);
    await harness.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    const keys = harness.orderRequests().map((request) => request.headers.get('Idempotency-Key'));
    expect(new Set(keys).size).toBe(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
    expect(screen.getByRole('region', { name: 'Deposit address' }).querySelector('.orw-address')!.textContent).toBe(
      harness.sandbox.orders()[0]!.destinationWalletAddress,
    );
  });

  it('after a lost answer, shows what was confirmed, allows no change, and asks about that order again: one order', async () => {
    const { lost, intercept } = answerLost();
    const harness = renderWidget({}, { intercept });
    await toReview(harness);
    Object.assign(lost, { answers: 1, mangle: truncated });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('The server sent an answer we could not read. Please try again.');
    expect(screen.getByText(/^We did not hear back about this confirmation/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    // Even once its quote has expired, no new quote replaces what was confirmed.
    jumpClock(6 * 60_000);
    expect(screen.queryByRole('button', { name: 'Get a new quote' })).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    // The order exists (its quote has expired meanwhile, so it may already show as expired).
    await screen.findByRole('heading', { name: /^(Send your crypto|Where your money is)$/ });
    const keys = harness.orderRequests().map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('keeps asking about a lost confirmation when the proxy answers on its own (the API was not asked)', async () => {
    const { lost, intercept } = answerLost();
    const harness = renderWidget({}, { intercept });
    await toReview(harness);
    Object.assign(lost, { answers: ORDER_ATTEMPTS, mangle: dropped });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await fastForwardUntil(() => expect(screen.getByText(/^We did not hear back about this confirmation/)).toBeInTheDocument());
    // The proxy's own answer (the session ended), given without asking the API.
    const signInRequired = async () => Response.json(errorBody(API_ERRORS.signInRequired), { status: API_ERRORS.signInRequired.status });
    Object.assign(lost, { answers: 1, mangle: signInRequired });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Your session has ended. Please sign in again: your details are kept.');
    expect(screen.getByText(/^We did not hear back about this confirmation/)).toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(new Set(harness.orderRequests().map((request) => request.headers.get('Idempotency-Key'))).size).toBe(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('gives up after its retries with a clear message and a retry, keeping the review', async () => {
    const harness = renderWidget();
    await toReview(harness);
    onOrder(harness, { kind: 'gateway', status: 503 }, 10);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await fastForwardUntil(() =>
      expect(screen.getByText('The service could not answer just now. Please try again: your details are kept.')).toBeInTheDocument(),
    );
    expect(screen.getByText('CLABE •••• 7120')).toBeInTheDocument();
    harness.sandbox.clearFaults();
    await harness.user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(harness.sandbox.orders()).toHaveLength(1);
  });
});

describe('a slow server', () => {
  it('keeps Confirm from sending twice while the order takes its time', async () => {
    const harness = renderWidget();
    await toReview(harness);
    harness.sandbox.configure({ latencyMs: 400 });
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    await harness.user.click(confirm);
    expect(await screen.findByText('Confirming…')).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    await harness.user.click(confirm);
    await fastForwardUntil(() => expect(depositAddress()).toBeInTheDocument());
    expect(harness.orderRequests()).toHaveLength(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('times out a quote that hangs, says so, and recovers when the server answers again', async () => {
    // The deadline is well above a quick answer's time on a busy machine; the hang is well above it.
    const harness = renderWidget({ timeoutMs: 2_000 });
    harness.sandbox.configure({ latencyMs: 5_000 });
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    await fastForwardUntil(() =>
      expect(screen.getByText('The server took too long to answer. Please try again: your details are kept.')).toBeInTheDocument(),
    );
    harness.sandbox.configure({ latencyMs: 0 });
    await fastForwardUntil(() => expect(screen.getByText(COUNTDOWN)).toBeInTheDocument());
    expect(screen.getByLabelText('Amount')).toHaveValue('100');
  });
});

describe('a rate limit', () => {
  it('pauses quotes until Retry-After, showing the quote as stale meanwhile, never firm', async () => {
    // When (by the clock the widget and the sandbox share) each quote was asked and refused.
    const asked: number[] = [];
    let limitedAt: number | undefined;
    const harness = renderWidget(
      {},
      {
        intercept: async (request, respond) => {
          if (request.method === 'POST') asked.push(Date.now());
          const response = await respond();
          if (response.status === 429) limitedAt = Date.now();
          return response;
        },
      },
    );
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    await screen.findByText(COUNTDOWN);
    harness.sandbox.injectFault({
      method: 'POST',
      path: API_PATHS.quotes,
      fault: { kind: 'error', error: API_ERRORS.rateLimited, retryAfterSeconds: 1 },
    });
    await harness.user.type(screen.getByLabelText('Amount'), '0');
    await passDebounce();
    expect(await screen.findByText('Too many requests in a short time. Please wait a moment and try again.')).toBeInTheDocument();
    // Stale: the old figures stay, marked as updating, with no countdown and no way on.
    expect(screen.getByText('100 USDC')).toBeInTheDocument();
    expect(screen.queryByText(/^Quote expires in/)).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { name: 'How much do you want to sell?' })).toBeInTheDocument();
    await fastForwardUntil(() => expect(screen.getByText('1,000 USDC')).toBeInTheDocument());
    await fastForwardUntil(() => expect(screen.getByText(COUNTDOWN)).toBeInTheDocument());
    // Nothing was asked before Retry-After: the retry came a full second after the refusal.
    expect(asked).toHaveLength(3);
    expect(limitedAt).toBeDefined();
    expect(asked[2]! - limitedAt!).toBeGreaterThanOrEqual(1000);
  });
});
