/**
 * Network faults and a struggling server, injected in the sandbox: the widget says what happened,
 * recovers on retry, keeps every value, and exactly one order exists afterwards.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import type { SandboxFault } from '../../src/sandbox';
import { ORDER_ATTEMPTS } from '../../src/widget/retry';
import { renderWidget, VALID_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

afterEach(() => {
  vi.useRealTimers();
});

async function toReview(harness: Harness) {
  await harness.user.type(screen.getByLabelText('Amount'), '100');
  await screen.findByText(/^Quote expires in \d:\d\d$/, {}, { timeout: 3000 });
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
    await screen.findByRole('region', { name: 'Deposit address' }, { timeout: 4000 });
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
    vi.useFakeTimers({ toFake: ['Date'] });
    const { lost, intercept } = answerLost();
    const harness = renderWidget({}, { intercept });
    await toReview(harness);
    Object.assign(lost, { answers: 1, mangle: truncated });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('The server sent an answer we could not read. Please try again.');
    expect(screen.getByText(/^We did not hear back about this confirmation/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    // Even once its quote has expired, no new quote replaces what was confirmed.
    act(() => vi.setSystemTime(Date.now() + 6 * 60_000));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(screen.queryByRole('button', { name: 'Get a new quote' })).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
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
    await screen.findByText(/^We did not hear back about this confirmation/, {}, { timeout: 4000 });
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
    expect(
      await screen.findByText('The service could not answer just now. Please try again: your details are kept.', {}, { timeout: 4000 }),
    ).toBeInTheDocument();
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
    await screen.findByRole('region', { name: 'Deposit address' }, { timeout: 3000 });
    expect(harness.orderRequests()).toHaveLength(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('times out a quote that hangs, says so, and recovers when the server answers again', async () => {
    const harness = renderWidget({ timeoutMs: 300 });
    harness.sandbox.configure({ latencyMs: 1000 });
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    expect(
      await screen.findByText('The server took too long to answer. Please try again: your details are kept.', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    harness.sandbox.configure({ latencyMs: 0 });
    await screen.findByText(/^Quote expires in \d:\d\d$/, {}, { timeout: 5000 });
    expect(screen.getByLabelText('Amount')).toHaveValue('100');
  });
});

describe('a rate limit', () => {
  it('pauses quotes until Retry-After, showing the quote as stale meanwhile, never firm', async () => {
    const harness = renderWidget();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await screen.findByText(/^Quote expires in \d:\d\d$/, {}, { timeout: 3000 });
    harness.sandbox.injectFault({
      method: 'POST',
      path: API_PATHS.quotes,
      fault: { kind: 'error', error: API_ERRORS.rateLimited, retryAfterSeconds: 1 },
    });
    await harness.user.type(screen.getByLabelText('Amount'), '0');
    expect(await screen.findByText('Too many requests in a short time. Please wait a moment and try again.', {}, { timeout: 3000 })).toBeInTheDocument();
    // Stale: the old figures stay, marked as updating, with no countdown and no way on.
    expect(screen.getByText('100 USDC')).toBeInTheDocument();
    expect(screen.queryByText(/^Quote expires in/)).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { name: 'How much do you want to sell?' })).toBeInTheDocument();
    const asked = harness.lockedQuoteRequests().length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(harness.lockedQuoteRequests()).toHaveLength(asked); // nothing asked before Retry-After
    await screen.findByText('1,000 USDC', {}, { timeout: 3000 });
    await waitFor(() => expect(screen.getByText(/^Quote expires in \d:\d\d$/)).toBeInTheDocument());
  });
});
