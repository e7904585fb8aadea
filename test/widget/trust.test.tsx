/**
 * What a seller needs to know before Confirm: identity verification before any bank detail, every
 * cost line by line (adding up to the quote), and when the money arrives.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { passDebounce, renderWidget, VALID_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

const WORDS = {
  en: { amount: 'Amount', continue: 'Continue', verify: 'Verify now', checkAgain: "I've verified: check again", kyc: 'Verify your identity', bank: 'Where should we pay you?' },
  es: { amount: 'Monto', continue: 'Continuar', verify: 'Verificar ahora', checkAgain: 'Ya me verifiqué: revisar de nuevo', kyc: 'Verifica tu identidad', bank: '¿Dónde te pagamos?' },
};

async function quote(harness: Harness, amount: string, label = 'Amount') {
  await harness.user.type(await screen.findByLabelText(label), amount);
  await passDebounce();
  await screen.findByText(/\d:\d\d$/);
}

/** The money amount in a summary row, as a number ("MX$1,791.00" → 1791). */
const amountIn = (row: HTMLElement) => Number(row.nextElementSibling!.textContent!.replace(/[^\d.]/g, ''));

describe('identity verification, known first', () => {
  it.each(['en', 'es'] as const)('%s: shows the verification screen before any bank detail, and goes on once verified', async (language) => {
    const words = WORDS[language];
    const onKycRequired = vi.fn();
    const harness = renderWidget({ locale: language === 'es' ? 'es-MX' : 'en', onKycRequired }, { userId: F.unverifiedUserId });
    await quote(harness, '100', words.amount);
    await harness.user.click(screen.getByRole('button', { name: words.continue }));

    expect(await screen.findByRole('heading', { name: words.kyc })).toHaveFocus();
    expect(screen.queryByLabelText('CLABE')).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: words.verify }));
    expect(onKycRequired).toHaveBeenCalledTimes(1);

    // Not yet: the screen says so and stays.
    await harness.user.click(screen.getByRole('button', { name: words.checkAgain }));
    await screen.findByText(language === 'es' ? /^Tu identidad aún no está verificada/ : /^Your identity is not verified yet/);

    // Verified in the partner's flow: checking again goes on to the bank step by itself.
    harness.sandbox.verifyUser(F.unverifiedUserId);
    await harness.user.click(screen.getByRole('button', { name: words.checkAgain }));
    expect(await screen.findByRole('heading', { name: words.bank })).toBeInTheDocument();
    expect(screen.getByLabelText('CLABE')).toBeInTheDocument();
  });

  it('never passes the identity provider’s details to the browser, only the projection', async () => {
    const harness = renderWidget({}, { userId: F.verifiedUserId });
    await quote(harness, '100');
    const kycRead = harness.requests.find((request) => new URL(request.url).pathname.endsWith('/widget/kyc-status'));
    expect(kycRead).toBeDefined();
    const answer = await harness.fetch(kycRead!.url);
    expect(await answer.json()).toEqual({ success: true, data: { verified: true, firstName: 'Ana', lastName: 'García' } });
  });

  it('fills the account holder with the verified names, which the user can still change', async () => {
    const harness = renderWidget({ defaultValues: { fiatCurrency: 'USD' } });
    await quote(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByLabelText('First name')).toHaveValue('Elena'));
    expect(screen.getByLabelText('Last name')).toHaveValue('Castro');
    await harness.user.clear(screen.getByLabelText('First name'));
    await harness.user.type(screen.getByLabelText('First name'), 'Elena María');
    expect(screen.getByLabelText('First name')).toHaveValue('Elena María');
  });
});

describe('costs and timing before Confirm', () => {
  it.each([
    ['en', /^Fee \(0\.5%\)$/, 'Value at this rate', 'Reaches your bank', 'Usually within minutes (SPEI)'],
    ['es', /^Comisión \(0\.5\s?%\)$/, 'Valor a este tipo de cambio', 'Llega a tu banco', 'Normalmente en minutos (SPEI)'],
  ] as const)('%s: the rate, the value, the partner’s fee and what reaches the bank add up, with the arrival time', async (language, feeLabel, valueLabel, receivedLabel, arrival) => {
    const onQuote = vi.fn();
    const harness = renderWidget({ locale: language === 'es' ? 'es-MX' : 'en', onQuote }, { premiumSpread: 0.005 });
    await quote(harness, '100', WORDS[language].amount);

    const summary = screen.getByRole('region', { name: language === 'es' ? 'Tu cotización' : 'Your quote' });
    const value = amountIn(within(summary).getByText(valueLabel));
    const fee = amountIn(within(summary).getByText(feeLabel));
    const received = amountIn(within(summary).getByText(receivedLabel));
    expect(fee).toBeCloseTo(value * 0.005, 2);
    expect(Math.round((value - fee) * 100)).toBe(Math.round(received * 100));
    // What reaches the bank is the quote's own figure.
    expect(received).toBe(onQuote.mock.lastCall![0].fiatAmount);
    expect(within(summary).getByText(language === 'es' ? /La comisión de la red Polygon \(en POL\) la pagas tú/ : /The Polygon network fee \(paid in POL\) is yours/)).toBeInTheDocument();

    await harness.user.click(screen.getByRole('button', { name: WORDS[language].continue }));
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: WORDS[language].continue }));
    expect(await screen.findByText(arrival)).toBeInTheDocument();
    expect(amountIn(screen.getByText(receivedLabel))).toBe(received);
  });
});
