/**
 * Not typing bank details at all: a saved account of the user's, or a receiver of theirs, with the
 * sandbox's ownership rules.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import { API_ERRORS } from '../../src/api/errors';
import { SANDBOX_FIXTURES as F } from '../../src/sandbox';
import type { OffRampWidgetProps } from '../../src/widget/OffRampWidget';
import { heldAnswers, passDebounce, renderWidget, VALID_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

async function toBankStep(props: Partial<OffRampWidgetProps> = {}) {
  const harness = renderWidget(props, { userId: F.verifiedUserId });
  await harness.user.type(screen.getByLabelText('Amount'), '100');
  await passDebounce();
  await screen.findByText(/^Quote expires in \d:\d\d$/);
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Where should we pay you?' });
  // The user's own accounts come with the step; the most recent verified one is chosen once they show.
  if (!props.receiverId) await screen.findByRole('radio', { name: 'Banco Santander •••• 7120', checked: true });
  return harness;
}

async function confirm(harness: Harness) {
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Review your order' });
  await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
}

const orderBody = async (harness: Harness) => harness.orderRequests()[0]!.clone().json();

describe('saved accounts', () => {
  it('leave new details being typed as they are when the list arrives after the first keys', async () => {
    // The list of the user's accounts (the proxy names the user in the path).
    const list = heldAnswers((path) => path.includes('/banks/users/'));
    const harness = renderWidget({}, { userId: F.verifiedUserId, intercept: list.intercept });
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    await screen.findByText(/^Quote expires in \d:\d\d$/);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await harness.user.type(await screen.findByLabelText('CLABE'), '01468026');
    list.release();
    const group = await screen.findByRole('group', { name: 'Pay into' });
    expect(within(group).getByLabelText('Use a new account')).toBeChecked();
    expect(within(group).getByLabelText('Banco Santander •••• 7120')).not.toBeChecked();
    await harness.user.type(screen.getByLabelText('CLABE'), VALID_CLABE.slice(8));
    expect(screen.getByLabelText('CLABE')).toHaveValue('014 680 26034600712 0');
  });

  it('lists the user’s accounts for the rail, masked, and sends the chosen one by id only', async () => {
    const harness = await toBankStep();
    const group = await screen.findByRole('group', { name: 'Pay into' });
    // The verified account is chosen until the user chooses; the pending one says what pending means.
    expect(within(group).getByLabelText('Banco Santander •••• 7120')).toBeChecked();
    expect(within(group).getByLabelText('Use a new account')).not.toBeChecked();
    await harness.user.click(within(group).getByLabelText(/\(verification pending\)$/));
    expect(within(group).getByText(/^Not verified yet: the first payout checks that the account is in your name/)).toBeInTheDocument();
    // The Dominican account belongs to another rail.
    expect(within(group).queryByLabelText(/7120|3456/, { selector: '[value="' + F.dominicanBankAccountId + '"]' })).toBeNull();

    await harness.user.click(within(group).getByLabelText('Banco Santander •••• 7120'));
    expect(screen.queryByLabelText('CLABE')).not.toBeInTheDocument();
    await confirm(harness);
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(await orderBody(harness)).toEqual({ quoteId: expect.any(String), userBankInformationId: F.bankAccountId });
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('shows the review with the saved account it pays into', async () => {
    const harness = await toBankStep();
    await harness.user.click(await screen.findByLabelText('Banco Santander •••• 7120'));
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    const summary = await screen.findByText('Paid to');
    expect(summary.nextElementSibling).toHaveTextContent('Banco Santander •••• 7120');
  });

  it.each([
    ['of another user', API_ERRORS.bankInfoOfOtherUser],
    ['of another partner', API_ERRORS.bankInfoOfOtherPartner],
    ['that no longer exists', API_ERRORS.bankInfoNotFound],
  ])('brings the user back to the list when the account is %s', async (_case, row) => {
    const harness = await toBankStep();
    await harness.user.click(await screen.findByLabelText('Banco Santander •••• 7120'));
    harness.sandbox.injectFault({ method: 'POST', path: API_PATHS.offRamp, fault: { kind: 'error', error: row } });
    await confirm(harness);
    const group = await screen.findByRole('group', { name: 'Pay into' });
    expect(group).toHaveAccessibleDescription('This saved account cannot be used. Choose another or enter new bank details.');
    expect(within(group).getByLabelText('Banco Santander •••• 7120')).toHaveFocus();
    expect(harness.sandbox.orders()).toHaveLength(0);
  });
});

describe('receivers', () => {
  it.each([
    ['belongs to another user', F.otherUserReceiverId],
    ['does not exist', '00000000-0000-4000-8000-000000000000'],
  ])('will not confirm a payment to a receiver who %s: they are not among the user’s receivers', async (_case, receiverId) => {
    const harness = await toBankStep({ receiverId });
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    const alert = await screen.findByText('This receiver cannot be paid from your account. Choose another receiver.');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    expect(harness.orderRequests()).toHaveLength(0);
  });

  it('pays the receiver named by the partner, and the review names them', async () => {
    const harness = await toBankStep({ receiverId: F.verifiedReceiverId });
    expect(screen.queryByRole('group', { name: 'Pay into' })).not.toBeInTheDocument();
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    const receiver = await screen.findByText('Receiver');
    await within(receiver.parentElement!).findByText('maria.lopez@example.com');
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(await orderBody(harness)).toMatchObject({ receiverId: F.verifiedReceiverId, userBankInformation: { country: 'MX' } });
  });

  it('lets the user choose between themselves and their receivers', async () => {
    const harness = await toBankStep({ chooseReceiver: true });
    const choice = screen.getByLabelText('Who receives the money?');
    await screen.findByRole('option', { name: 'maria.lopez@example.com' });
    const options = within(choice).getAllByRole('option').map((option) => option.textContent);
    expect(options[0]).toBe('Me');
    expect(options.slice(1).sort()).toEqual(['jose.perez@example.com', 'maria.lopez@example.com']);
    await harness.user.selectOptions(choice, F.verifiedReceiverId);
    expect(screen.queryByRole('group', { name: 'Pay into' })).not.toBeInTheDocument();
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await confirm(harness);
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(await orderBody(harness)).toMatchObject({ receiverId: F.verifiedReceiverId });
  });

  it.each([
    ['has not verified their identity', F.unverifiedReceiverId, 'This receiver has not finished verifying their identity yet. Choose another receiver or try later.'],
  ])('says so on the review step when the receiver %s', async (_case, receiverId, sentence) => {
    const harness = await toBankStep({ receiverId });
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await confirm(harness);
    const alert = await screen.findByText(sentence);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByRole('heading', { name: 'Review your order' })).toBeInTheDocument();
    expect(harness.sandbox.orders()).toHaveLength(0);
  });
});
