/**
 * Each payout country's bank step, filled in as a user would: the details pass the rail's checks
 * and the review names the account; back on the bank step, everything typed is still there.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import { isValidCedula } from '../src/countries/validators';
import type { OffRampWidgetProps } from '../src/widget/types';
import { sandboxedWidget } from './widget';
import type { StoryBackendOptions } from './backend';
import { heading, toBank, toReview, type Play } from './flow';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Countries',
  // A new seller, with no saved account: each rail asks for its details.
  parameters: { backend: { userId: SANDBOX_FIXTURES.newUserId } satisfies StoryBackendOptions },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A valid cédula: the contract's example with the check digit that completes it. */
const CEDULA = Array.from({ length: 10 }, (_, digit) => `4021234567${digit}`).find(isValidCedula)!;

/** The review names the account; Back returns to the bank step as it was left. */
async function reviewAndBack(play: Play, account: string) {
  await toReview(play);
  await expect(play.canvas.getByText(account)).toBeVisible();
  await play.userEvent.click(play.canvas.getByRole('button', { name: 'Back' }));
  await heading(play, 'bank');
  await expect(play.canvas.queryAllByRole('textbox').filter((field) => field.getAttribute('aria-invalid') === 'true')).toEqual([]);
}

/** Mexico, MXN: an 18-digit CLABE, its check digit and the bank it belongs to. */
export const Mexico: Story = {
  args: { defaultValues: { amount: '100', fiatCurrency: 'MXN' } },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
    await expect(canvas.getByText('Bank: Banco Santander')).toBeVisible();
    await reviewAndBack(context, 'CLABE •••• 7120');
    await expect(canvas.getByLabelText('CLABE')).toHaveValue('014 680 26034600712 0');
  },
};

/** The Dominican Republic, DOP: account, bank, account type, and a cédula with its check digit. */
export const DominicanRepublic: Story = {
  args: { defaultValues: { amount: '100', fiatCurrency: 'DOP' } },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    await userEvent.type(await canvas.findByLabelText('Account number'), '9602123456');
    await userEvent.selectOptions(canvas.getByLabelText('Bank'), 'Banco Popular Dominicano');
    await userEvent.selectOptions(canvas.getByLabelText('Account type'), 'SAVINGS');
    await userEvent.selectOptions(canvas.getByLabelText('Identity document'), 'CEDULA');
    await userEvent.type(canvas.getByLabelText('Document number'), CEDULA);
    await reviewAndBack(context, 'Banco Popular Dominicano •••• 3456');
  },
};

/** The United States, USD: account, ABA routing number, bank, holder and address. */
export const UnitedStates: Story = {
  args: { defaultValues: { amount: '100', fiatCurrency: 'USD' } },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    await userEvent.type(await canvas.findByLabelText('Account number'), '483920175');
    await userEvent.type(canvas.getByLabelText('Routing number (ABA)'), '021000021');
    await userEvent.type(canvas.getByLabelText('Bank'), 'JPMorgan Chase');
    await userEvent.selectOptions(canvas.getByLabelText('The account belongs to'), 'INDIVIDUAL');
    // The verified user's names are filled in; this account's holder is someone else.
    await userEvent.clear(canvas.getByLabelText('First name'));
    await userEvent.type(canvas.getByLabelText('First name'), 'Ana');
    await userEvent.clear(canvas.getByLabelText('Last name'));
    await userEvent.type(canvas.getByLabelText('Last name'), 'García');
    await userEvent.type(canvas.getByLabelText('Street address'), '350 Fifth Ave');
    await userEvent.type(canvas.getByLabelText('City'), 'New York');
    await userEvent.selectOptions(canvas.getByLabelText('State'), 'NY');
    await userEvent.type(canvas.getByLabelText('ZIP code'), '10118');
    await reviewAndBack(context, 'JPMorgan Chase •••• 0175');
  },
};

/** SEPA, EUR: an IBAN pasted with spaces in lower case, a BIC of the same country, bank and holder. */
export const Sepa: Story = {
  name: 'SEPA',
  args: { defaultValues: { amount: '100', fiatCurrency: 'EUR' } },
  play: async (context) => {
    await toBank(context);
    const { canvas, userEvent } = context;
    await userEvent.click(await canvas.findByLabelText('IBAN'));
    await userEvent.paste('de89 3704 0044 0532 0130 00');
    await expect(canvas.getByLabelText('IBAN')).toHaveValue('DE89 3704 0044 0532 0130 00');
    await userEvent.type(canvas.getByLabelText('BIC (SWIFT code)'), 'COBADEFFXXX');
    await userEvent.type(canvas.getByLabelText('Bank'), 'Commerzbank');
    await userEvent.selectOptions(canvas.getByLabelText('The account belongs to'), 'INDIVIDUAL');
    await userEvent.clear(canvas.getByLabelText('First name'));
    await userEvent.type(canvas.getByLabelText('First name'), 'Lena');
    await userEvent.clear(canvas.getByLabelText('Last name'));
    await userEvent.type(canvas.getByLabelText('Last name'), 'Vogel');
    await reviewAndBack(context, 'IBAN •••• 3000');
  },
};
