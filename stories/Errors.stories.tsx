/**
 * Each family of the error catalogue, caused the way it happens: the sandbox's limits and its
 * users, a partner whose flow is disabled, an injected refusal, an outage, the proxy's own rate
 * limit, and the browser going offline. Each shows its sentence where the catalogue puts it.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { API_PATHS } from '../src/api/contract';
import { API_ERRORS } from '../src/api/errors';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import type { OffRampWidgetProps } from '../src/widget/types';
import type { StoryBackendOptions } from './backend';
import { backendOf, sandboxedWidget } from './widget';
import { heading, quoted, toBank, toReview, toReviewWithSavedAccount, typeAmount, WAIT } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Errors',
  args: { ...sandboxedWidget.args, defaultValues: { amount: '100' } },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The partner's limits (10 to 1,000 tokens here): the amount field says them in the user's number format. */
export const AmountOutsideLimits: Story = {
  args: { defaultValues: { amount: '5000' } },
  parameters: { backend: { settings: { limits: { crypto: { min: 10, max: 1_000 } } } } satisfies StoryBackendOptions },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText('Enter an amount between 10 USDC and 1,000 USDC.', {}, WAIT)).toBeVisible();
    await expect(canvas.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: API_ERRORS.tokenAmountOutOfRange.code }));
  },
};

/**
 * The partner's own limits (`limits`, MX$200 to MX$50,000 paid out here): said under the amount
 * before anything is typed, and an amount outside them is refused at once, without asking for a quote.
 */
export const PartnerLimits: Story = {
  args: { defaultValues: { side: 'fiat' }, limits: { fiat: { MXN: { min: 200, max: 50_000 } } } },
  play: async (context) => {
    const { canvas, args } = context;
    await expect(await canvas.findByText(/between MX\$200\.00 and MX\$50,000\.00/, {}, WAIT)).toBeVisible();
    await typeAmount(context, '100');
    await expect(await canvas.findByText('Enter an amount between MX$200.00 and MX$50,000.00.', {}, WAIT)).toBeVisible();
    await expect(canvas.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.queryByText(/Your quote is on its way/)).toBeNull();
    await expect(args.onQuote).not.toHaveBeenCalled();
    await typeAmount(context, '1500');
    await quoted(context);
    await expect(canvas.getByLabelText('Amount')).not.toHaveAttribute('aria-invalid', 'true');
  },
};

/** The API refuses the bank details on Confirm: the user is back on the bank step, on the field, with the reason. */
export const BankDetailsRefused: Story = {
  parameters: {
    backend: {
      userId: SANDBOX_FIXTURES.newUserId,
      faults: [{ method: 'POST', path: API_PATHS.offRamp, fault: { kind: 'error', error: API_ERRORS.invalidUserInput } }],
    } satisfies StoryBackendOptions,
  },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
    await toReview(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
    await heading(context, 'bank');
    await expect(await canvas.findByText('Your bank details were not accepted. Please check them and try again.', {}, WAIT)).toBeVisible();
    await waitFor(() => expect(canvas.getByLabelText('CLABE')).toHaveFocus(), WAIT);
    await expect(backendOf(context).sandbox.orders()).toHaveLength(0);
  },
};

/**
 * A user who has not passed KYC is told before typing any bank detail, and handed over to the
 * partner's KYC (`onKycRequired`); once verified there, "check again" goes on to the bank step.
 */
export const KycRequired: Story = {
  name: 'KYC required',
  parameters: { backend: { userId: SANDBOX_FIXTURES.unverifiedUserId } satisfies StoryBackendOptions },
  play: async (context) => {
    const { canvas, userEvent, args } = context;
    await quoted(context);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await heading(context, 'kyc');
    await expect(canvas.getByText('You need to verify your identity before you can sell crypto.')).toBeVisible();
    await expect(canvas.queryByLabelText('CLABE')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Verify now' }));
    await expect(args.onKycRequired).toHaveBeenCalledTimes(1);
    backendOf(context).sandbox.verifyUser(SANDBOX_FIXTURES.unverifiedUserId);
    await userEvent.click(canvas.getByRole('button', { name: "I've verified: check again" }));
    await heading(context, 'bank');
  },
};

/** The partner's flow is disabled: the user reads that selling is unavailable for now; the partner gets the code in `onError`. */
export const Unavailable: Story = {
  parameters: { backend: { apiKey: SANDBOX_FIXTURES.disabledFlowApiKey } satisfies StoryBackendOptions },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByText('Selling is temporarily unavailable. Your details are kept.', {}, WAIT)).toBeVisible();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: API_ERRORS.invalidPartnerFlow.code }));
    await expect(canvas.getByLabelText('Amount')).toHaveValue('100');
  },
};

/** The API is down: the quote is retried with backoff, and the user is told their details are kept. */
export const ServerBusy: Story = {
  parameters: { backend: { settings: { outage: true } } satisfies StoryBackendOptions },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('The service could not answer just now. Please try again: your details are kept.', {}, WAIT),
    ).toBeVisible();
  },
};

/** The proxy's own rate limit (one quote a minute here): the last figures stay, marked as not firm, until Retry-After. */
export const RateLimited: Story = {
  parameters: {
    backend: { proxy: { rateLimits: { quotes: { perUser: 1, windowMs: 60_000 } } } } satisfies StoryBackendOptions,
  },
  play: async (context) => {
    await quoted(context);
    const { canvas } = context;
    await typeAmount(context, '200');
    await expect(
      await canvas.findByText('Too many requests in a short time. Please wait a moment and try again.', {}, WAIT),
    ).toBeVisible();
    await expect(canvas.getByText('100 USDC')).toBeVisible();
    await expect(canvas.queryByText(/^Quote expires in/)).toBeNull();
  },
};

/** The browser goes offline on the review: the widget says so, holds Confirm, and keeps everything. */
export const Offline: Story = {
  // Back online when the story is left, so the next one starts online.
  beforeEach: () => () => void window.dispatchEvent(new Event('online')),
  play: async (context) => {
    await toReviewWithSavedAccount(context);
    const { canvas } = context;
    window.dispatchEvent(new Event('offline'));
    await expect(
      await canvas.findByText('You are offline. Your details are kept: we will continue once you are back online.', {}, WAIT),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  },
};
