/**
 * Each payout rail through the bank step: what the user types becomes exactly the
 * `userBankInformation` the contract asks for, as it reaches the sandbox.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isValidCedula } from '../../src/countries/validators';
import { passDebounce, renderWidget } from './harness';

type Harness = ReturnType<typeof renderWidget>;

/** A valid cédula: the contract's example body with the check digit that completes it. */
const CEDULA = Array.from({ length: 10 }, (_, digit) => `4021234567${digit}`).find(isValidCedula)!;

async function toBankStep(harness: Harness, currency: string) {
  await harness.user.selectOptions(screen.getByLabelText('Currency'), currency);
  await harness.user.type(screen.getByLabelText('Amount'), '100');
  await passDebounce();
  await screen.findByText(/^Quote expires in \d:\d\d$/);
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Where should we pay you?' });
}

async function confirmAndReadBank(harness: Harness) {
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Review your order' });
  await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
  await screen.findByRole('region', { name: 'Deposit address' });
  expect(harness.sandbox.orders()).toHaveLength(1);
  return (await harness.orderRequests()[0]!.json()).userBankInformation;
}

describe('the bank step of each rail', () => {
  it('sends the Dominican Republic’s five fields', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'DOP');
    const { user } = harness;
    await user.type(await screen.findByLabelText('Account number'), '9602123456');
    await user.selectOptions(screen.getByLabelText('Bank'), 'Banco Popular Dominicano');
    await user.selectOptions(screen.getByLabelText('Account type'), 'SAVINGS');
    await user.selectOptions(screen.getByLabelText('Identity document'), 'CEDULA');
    await user.type(screen.getByLabelText('Document number'), CEDULA);
    expect(await confirmAndReadBank(harness)).toEqual({
      country: 'DO', accountIdentifier: '9602123456', bankName: 'Banco Popular Dominicano',
      accountType: 'SAVINGS', documentType: 'CEDULA', documentIdentifier: CEDULA,
    });
  });

  it('refuses a cédula with a wrong check digit, in words', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'DOP');
    await harness.user.selectOptions(await screen.findByLabelText('Identity document'), 'CEDULA');
    const wrong = `${CEDULA.slice(0, 10)}${(Number(CEDULA[10]) + 1) % 10}`;
    await harness.user.type(screen.getByLabelText('Document number'), wrong);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByLabelText('Document number')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByLabelText('Document number')).toHaveAccessibleDescription(expect.stringMatching(/check digit/i));
  });

  it('sends a US account with its holder and address as objects', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'USD');
    const { user } = harness;
    await user.type(await screen.findByLabelText('Account number'), '483920175');
    await user.type(screen.getByLabelText('Routing number (ABA)'), '021000021');
    await user.type(screen.getByLabelText('Bank'), 'JPMorgan Chase');
    await user.selectOptions(screen.getByLabelText('The account belongs to'), 'INDIVIDUAL');
    // The verified user's names are filled in; the holder here is someone else.
    await user.clear(screen.getByLabelText('First name'));
    await user.type(screen.getByLabelText('First name'), 'Ana');
    await user.clear(screen.getByLabelText('Last name'));
    await user.type(screen.getByLabelText('Last name'), 'García');
    await user.type(screen.getByLabelText('Street address'), '350 Fifth Ave');
    await user.type(screen.getByLabelText(/^Apartment/), 'Apt 4');
    await user.type(screen.getByLabelText('City'), 'New York');
    await user.selectOptions(screen.getByLabelText('State'), 'NY');
    await user.type(screen.getByLabelText('ZIP code'), '10118');
    expect(await confirmAndReadBank(harness)).toEqual({
      country: 'US', accountIdentifier: '483920175', bankName: 'JPMorgan Chase', routingNumber: '021000021',
      accountHolder: { type: 'INDIVIDUAL', firstName: 'Ana', lastName: 'García' },
      address: { streetLine1: '350 Fifth Ave', streetLine2: 'Apt 4', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
    });
  });

  it('asks a business for its name, not a person’s, and sends only that', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'USD');
    await harness.user.selectOptions(await screen.findByLabelText('The account belongs to'), 'BUSINESS');
    expect(screen.queryByLabelText('First name')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Business name')).toBeInTheDocument();
  });

  it('sends a pasted, lower-case IBAN in electronic format, with the IBAN’s country', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'EUR');
    const { user } = harness;
    await user.click(await screen.findByLabelText('IBAN'));
    await user.paste('de89 3704 0044 0532 0130 00');
    expect(screen.getByLabelText('IBAN')).toHaveValue('DE89 3704 0044 0532 0130 00');
    await user.type(screen.getByLabelText('BIC (SWIFT code)'), 'COBADEFFXXX');
    await user.type(screen.getByLabelText('Bank'), 'Commerzbank');
    await user.selectOptions(screen.getByLabelText('The account belongs to'), 'INDIVIDUAL');
    await user.clear(screen.getByLabelText('First name'));
    await user.type(screen.getByLabelText('First name'), 'Lena');
    await user.clear(screen.getByLabelText('Last name'));
    await user.type(screen.getByLabelText('Last name'), 'Vogel');
    expect(await confirmAndReadBank(harness)).toEqual({
      country: 'DE', iban: 'DE89370400440532013000', accountIdentifier: 'DE89370400440532013000', bic: 'COBADEFFXXX',
      bankName: 'Commerzbank', accountHolder: { type: 'INDIVIDUAL', firstName: 'Lena', lastName: 'Vogel' },
    });
  });

  it('refuses a BIC of another country than the IBAN’s', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'EUR');
    await harness.user.type(await screen.findByLabelText('IBAN'), 'DE89370400440532013000');
    await harness.user.type(screen.getByLabelText('BIC (SWIFT code)'), 'BNPAFRPPXXX');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByLabelText('BIC (SWIFT code)')).toHaveAttribute('aria-invalid', 'true'));
  });

  it('keeps each rail’s details when the currency changes and comes back', async () => {
    const harness = renderWidget();
    await toBankStep(harness, 'EUR');
    await harness.user.type(await screen.findByLabelText('IBAN'), 'DE89370400440532013000');
    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    await harness.user.selectOptions(screen.getByLabelText('Currency'), 'MXN');
    await passDebounce();
    await screen.findByText(/^Quote expires in \d:\d\d$/);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await harness.user.type(await screen.findByLabelText('CLABE'), '014680260346007120');
    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    await harness.user.selectOptions(screen.getByLabelText('Currency'), 'EUR');
    await passDebounce();
    await screen.findByText(/^Quote expires in \d:\d\d$/);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByLabelText('IBAN')).toHaveValue('DE89 3704 0044 0532 0130 00');
  });
});
