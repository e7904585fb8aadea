/**
 * Each step on its own: the amount step from props, the others reached by driving the flow as a
 * user would, then left there to look at.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import type { OffRampWidgetProps } from '../src/widget/types';
import { backendOf, sandboxedWidget } from './widget';
import { COUNTDOWN, heading, quoted, sendIt, toBank, toReviewWithSavedAccount, toSend, WAIT } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Steps',
  args: { ...sandboxedWidget.args, defaultValues: { amount: '100' } },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A transfer's hash as a wallet on Polygon answers it. */
const WALLET_TRANSFER_HASH = `0x${'5e'.repeat(32)}`;

/** Step 1, pre-filled by `defaultValues`: a locked quote shows at once, with its rate and countdown. */
export const Amount: Story = {
  play: async (context) => {
    const { canvas, args } = context;
    await quoted(context);
    await expect(canvas.getByText('Step 1 of 4')).toBeVisible();
    await expect(canvas.getByText('100 USDC')).toBeVisible();
    await expect(canvas.getByText(/^1 USDC = /)).toBeVisible();
    await waitFor(() => expect(args.onQuote).toHaveBeenCalledWith(expect.objectContaining({ cryptoAmount: 100, fiatCurrency: 'MXN' })));
  },
};

/** Step 1 before anything is typed. */
export const AmountEmpty: Story = {
  args: { defaultValues: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByLabelText('Amount')).toHaveValue('');
    await expect(canvas.queryByText(COUNTDOWN)).toBeNull();
  },
};

/** Step 2 for MXN: the user's saved accounts, or a new CLABE. */
export const Bank: Story = {
  play: async (context) => {
    await toBank(context);
    await expect(context.canvas.getByText('Step 2 of 4')).toBeVisible();
    await expect(await context.canvas.findByRole('radio', { name: /Banco Santander •••• 7120/ }, WAIT)).toBeVisible();
  },
};

/** Step 3: amounts, rate, network, the account paid into, and the countdown. */
export const Review: Story = {
  play: async (context) => {
    await toReviewWithSavedAccount(context);
    const { canvas } = context;
    await expect(canvas.getByText('Polygon')).toBeVisible();
    await expect(canvas.getByText(COUNTDOWN)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  },
};

/** A slow server (5 s for every call from the review on): Confirm shows it is working and cannot be pressed twice. */
export const Confirming: Story = {
  play: async (context) => {
    await toReviewWithSavedAccount(context);
    const { canvas, userEvent } = context;
    backendOf(context).sandbox.configure({ latencyMs: 5_000 });
    const confirmButton = canvas.getByRole('button', { name: 'Confirm' });
    await userEvent.click(confirmButton);
    await expect(await canvas.findByText('Confirming…', {}, WAIT)).toBeVisible();
    await expect(confirmButton).toBeDisabled();
    await expect(confirmButton).toHaveAttribute('aria-busy', 'true');
  },
};

/** Step 4: the deposit address as a QR code and in groups of four, the exact amount, the warning. */
export const Send: Story = {
  play: async (context) => {
    const region = await toSend(context);
    const { canvas } = context;
    const [order] = backendOf(context).sandbox.orders();
    await expect(region.querySelector('[data-address]')?.getAttribute('data-address')).toBe(order?.destinationWalletAddress);
    await expect(canvas.getByRole('img', { name: 'QR code of the deposit address' })).toBeVisible();
    await expect(canvas.getByText(/^Send exactly 100 USDC on Polygon/)).toBeVisible();
    await expect(canvas.getByText(/may be lost for good/)).toBeVisible();
  },
};

/** The partner's own wallet sends the deposit (`onInitiateDeposit`): the widget tells the API with the transfer's hash and follows the order. */
export const SendFromWallet: Story = {
  args: { onInitiateDeposit: fn(async () => ({ transactionHash: WALLET_TRANSFER_HASH })) },
  play: async (context) => {
    await toSend(context);
    const { canvas, userEvent, args } = context;
    await userEvent.click(canvas.getByRole('button', { name: 'Send from your wallet' }));
    await heading(context, 'status');
    await expect(args.onInitiateDeposit).toHaveBeenCalledWith(expect.objectContaining({ tokenSymbol: 'USDC', blockchainSymbol: 'POL' }));
    await expect(backendOf(context).sandbox.orders()[0]?.invoice.transactionHash).toBe(WALLET_TRANSFER_HASH);
  },
};

/** After "I've sent it": the order followed on a timeline. Reads are slow here, so it is seen on its way. */
export const Following: Story = {
  args: { pollIntervalMs: 60_000 },
  play: async (context) => {
    await toSend(context);
    await sendIt(context);
    const { canvas } = context;
    await expect(await canvas.findByRole('list', { name: 'Progress of your order' }, WAIT)).toBeVisible();
    await expect(canvas.getByText('Waiting for your deposit')).toBeVisible();
  },
};
