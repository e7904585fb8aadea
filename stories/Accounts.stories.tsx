/**
 * Who is paid, and into which account: the user's saved accounts, a receiver named by the host
 * (`receiverId`), and a receiver the user chooses (`chooseReceiver`).
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import type { OffRampWidgetProps } from '../src/widget/types';
import { backendOf, sandboxedWidget } from './widget';
import { chooseSavedAccount, confirm, toBank, toReview, WAIT } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Accounts',
  args: { ...sandboxedWidget.args, defaultValues: { amount: '100' } },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The user's saved MXN accounts, masked, one still pending verification; the order is sent by the account's id. */
export const SavedAccounts: Story = {
  play: async (context) => {
    await toBank(context);
    const { canvas } = context;
    await expect(await canvas.findByRole('radio', { name: 'Banco Santander •••• 7120' }, WAIT)).toBeVisible();
    await expect(canvas.getByRole('radio', { name: /•••• 8909 \(verification pending\)/ })).toBeVisible();
    await chooseSavedAccount(context);
    await expect(canvas.queryByLabelText('CLABE')).toBeNull();
    await toReview(context);
    await expect(canvas.getByText('Banco Santander •••• 7120')).toBeVisible();
    await confirm(context);
    const [order] = backendOf(context).sandbox.orders();
    await expect(order?.bankAccount.accountIdentifier).toBe(SANDBOX_FIXTURES.clabe);
  },
};

/** A receiver named by the host (`receiverId`): the review names them, and they are paid into details typed for them. */
export const Receiver: Story = {
  args: { receiverId: SANDBOX_FIXTURES.verifiedReceiverId },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    // Saved accounts are the user's own, never a receiver's.
    await expect(canvas.queryByRole('group', { name: 'Pay into' })).toBeNull();
    await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
    await toReview(context);
    await expect(await canvas.findByText('maria.lopez@example.com', {}, WAIT)).toBeVisible();
  },
};

/** `chooseReceiver`: the bank step asks who receives the money, the user or one of their receivers. */
export const ChooseReceiver: Story = {
  args: { chooseReceiver: true },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    const who = canvas.getByLabelText('Who receives the money?');
    await waitFor(() => expect(canvas.getByRole('option', { name: 'maria.lopez@example.com' })).toBeInTheDocument(), WAIT);
    await userEvent.selectOptions(who, SANDBOX_FIXTURES.verifiedReceiverId);
    await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
    await toReview(context);
    await expect(await canvas.findByText('maria.lopez@example.com', {}, WAIT)).toBeVisible();
  },
};
