/**
 * Each ending after the deposit, forced by the staging test amounts (1.01 paid, 1.02 cancelled,
 * 1.03 crypto not received). After "I've sent it" the widget follows the order, and the sandbox
 * walks one status per read.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { OffRampWidgetProps } from '../src/widget/types';
import { backendOf, sandboxedWidget } from './widget';
import { sendIt, toSend, WAIT, type Play } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Endings',
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const followToTheEnd = async (play: Play) => {
  await toSend(play);
  await sendIt(play);
};

/** 1.01 USDC: paid into the saved account, with the amount and its last four digits. */
export const Paid: Story = {
  args: { defaultValues: { amount: '1.01' } },
  play: async (context) => {
    await followToTheEnd(context);
    const { canvas, args } = context;
    await expect(await canvas.findByText(/ paid into the account ending 7120\.$/, {}, WAIT)).toBeVisible();
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledWith(expect.objectContaining({ status: 'COMPLETED', cryptoAmount: 1.01 })), WAIT);
  },
};

/** 1.02 USDC: cancelled, because the account holder's name did not match the verified name. */
export const Cancelled: Story = {
  args: { defaultValues: { amount: '1.02' } },
  play: async (context) => {
    await followToTheEnd(context);
    const { canvas, args } = context;
    await expect(
      await canvas.findByText('This order was cancelled. Any crypto you sent for it is returned to the address it came from.', {}, WAIT),
    ).toBeVisible();
    await expect(canvas.getByText("The bank account holder's name did not match your verified name. Pay into an account in your own name.")).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Start again with a new quote' })).toBeEnabled();
    await expect(args.onComplete).not.toHaveBeenCalled();
  },
};

/** 1.03 USDC: the crypto never arrived, so nothing is paid; the user is told to contact support if they did send it. */
export const CryptoNotReceived: Story = {
  args: { defaultValues: { amount: '1.03' } },
  play: async (context) => {
    await followToTheEnd(context);
    await expect(
      await context.canvas.findByText(
        'Your crypto did not arrive for this order, so nothing will be paid. If you did send it, contact support with the order reference.',
        {},
        WAIT,
      ),
    ).toBeVisible();
    await expect(context.args.onStatusChange).toHaveBeenCalledWith(expect.objectContaining({ status: 'CRYPTO_NOT_RECEIVED' }));
  },
};

/**
 * `supportUrl` and `termsUrl`: both in the footer throughout, and on an ending (1.03 USDC, crypto
 * not received) "Contact support" with the order reference to give.
 */
export const SupportAndTerms: Story = {
  args: { defaultValues: { amount: '1.03' }, supportUrl: 'https://partner.example/help', termsUrl: 'https://partner.example/terms' },
  play: async (context) => {
    const { canvas } = context;
    await expect(await canvas.findByRole('link', { name: 'Help' }, WAIT)).toHaveAttribute('href', 'https://partner.example/help');
    await expect(canvas.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', 'https://partner.example/terms');
    await followToTheEnd(context);
    const sentence = await canvas.findByText(/^Your crypto did not arrive for this order/, {}, WAIT);
    const ending = within(sentence.closest<HTMLElement>('[role="alert"]')!);
    await expect(ending.getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'https://partner.example/help');
    const [order] = backendOf(context).sandbox.orders();
    await expect(ending.getByText(`· Give them the order reference ${order!.id}.`, { exact: false })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Terms' })).toBeVisible();
  },
};
