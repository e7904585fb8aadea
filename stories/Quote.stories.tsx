/**
 * A locked quote's time: counting down, run out on the review step, expired on the server at
 * Confirm (the sandbox's clock moved on), and an order whose quote ran out before the deposit.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { API_ERRORS } from '../src/api/errors';
import type { OffRampWidgetProps } from '../src/widget/types';
import type { StoryBackendOptions } from './backend';
import { backendOf, sandboxedWidget } from './widget';
import { COUNTDOWN, heading, quoted, toReviewWithSavedAccount, toSend, WAIT } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Quote',
  args: { ...sandboxedWidget.args, defaultValues: { amount: '100' } },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const MINUTE = 60_000;
const secondsLeft = (text: string | null) => {
  const [, minutes, seconds] = /(\d+):(\d\d)$/.exec(text ?? '') ?? [];
  return Number(minutes) * 60 + Number(seconds);
};

/** "Quote expires in m:ss", going down every second (a 90-second quote, so the minutes move too). */
export const CountingDown: Story = {
  parameters: { backend: { settings: { quoteLifetimeMs: 1.5 * MINUTE } } satisfies StoryBackendOptions },
  play: async (context) => {
    const first = secondsLeft((await quoted(context)).textContent);
    await expect(first).toBeGreaterThan(80);
    await waitFor(() => expect(secondsLeft(context.canvas.getByText(COUNTDOWN).textContent)).toBeLessThan(first), WAIT);
  },
};

/**
 * Time passes `ms` at once, for the page and the story's sandbox alike (both read `Date.now`), as
 * for a user who leaves the screen open that long: the countdown's next tick sees it. Until the
 * widget leaves the page, so the next story starts on the real clock.
 */
const letTimePass = (canvasElement: HTMLElement, ms: number) => {
  const widget = canvasElement.querySelector('[data-offramp-widget]');
  if (!widget) throw new Error('no widget on the canvas');
  const realNow = Date.now;
  Date.now = () => realNow.call(Date) + ms;
  const observer = new MutationObserver(() => {
    if (widget.isConnected) return;
    observer.disconnect();
    Date.now = realNow;
  });
  observer.observe(canvasElement.ownerDocument.body, { childList: true, subtree: true });
};

/**
 * The quote ran out on the review step (a 10-second quote, long enough to reach the review on a
 * busy machine): Confirm is off, and a new quote is offered. Once on the review, the quote's
 * lifetime passes at once rather than in real time.
 */
export const ExpiredOnReview: Story = {
  parameters: { backend: { settings: { quoteLifetimeMs: 10_000 } } satisfies StoryBackendOptions },
  play: async (context) => {
    await toReviewWithSavedAccount(context);
    const { canvas } = context;
    const { quoteLifetimeMs } = (context.parameters.backend as StoryBackendOptions).settings!;
    letTimePass(context.canvasElement, quoteLifetimeMs!);
    await expect(await canvas.findByRole('button', { name: 'Get a new quote' }, WAIT)).toBeEnabled();
    await expect(canvas.getByRole('alert')).toHaveTextContent(/^This quote has expired\./);
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await expect(canvas.getByText('Banco Santander •••• 7120')).toBeVisible();
  },
};

/**
 * The sandbox's clock moves six minutes on while the user reads the review: on Confirm the API
 * answers that the quote expired, and the widget shows the old and new figures side by side.
 */
export const ExpiredAtConfirm: Story = {
  play: async (context) => {
    await toReviewWithSavedAccount(context);
    const { canvas, userEvent, args } = context;
    const { clock, sandbox } = backendOf(context);
    clock.advance(6 * MINUTE);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
    await expect(
      await canvas.findByText('The quote you saw expired, so here is a new one. Please check it and confirm again.', {}, WAIT),
    ).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Before' })).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Now' })).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Confirm' })).toBeEnabled(), WAIT);
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: API_ERRORS.quoteExpired.code }));
    await expect(sandbox.orders()).toHaveLength(0);
  },
};

/**
 * An order left unpaid: the sandbox's clock passes its quote's expiry, the order expires, and the
 * widget, still following it, says not to send anything.
 */
export const OrderExpiredBeforeDeposit: Story = {
  play: async (context) => {
    await toSend(context);
    const { clock } = backendOf(context);
    clock.advance(6 * MINUTE);
    await heading(context, 'status');
    await expect(
      await context.canvas.findByText('This order expired before your crypto arrived. Do not send anything to its address.', {}, WAIT),
    ).toBeVisible();
    await expect(context.args.onStatusChange).toHaveBeenCalledWith(expect.objectContaining({ status: 'EXPIRED' }));
  },
};
