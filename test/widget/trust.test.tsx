/**
 * What a seller needs to know before Confirm: identity verification before any bank detail, every
 * cost line by line (adding up to the quote), and when the money arrives.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { PROXY_PATHS } from '../../src/api/contract';
import { heldAnswers, passDebounce, renderWidget, VALID_CLABE } from './harness';

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

  it('has the focus on the verification screen\'s title as the screen shows, not a moment later', async () => {
    const harness = renderWidget({}, { userId: F.unverifiedUserId });
    await quote(harness, '100');
    const title = screen.getByRole('heading', { name: 'How much do you want to sell?' });
    // Where the focus is when the title changes, seen before anything else runs.
    const focusedAsShown: (Element | null)[] = [];
    const observer = new MutationObserver(() => {
      if (title.textContent === 'Verify your identity' && focusedAsShown.length === 0) focusedAsShown.push(document.activeElement);
    });
    observer.observe(title, { subtree: true, childList: true, characterData: true });
    try {
      await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
      await waitFor(() => expect(focusedAsShown).toHaveLength(1));
    } finally {
      observer.disconnect();
    }
    expect(focusedAsShown[0]).toBe(title);
  });

  it('shows the verification screen when "not verified" arrives after the user reached the bank step', async () => {
    const reading = heldAnswers((path) => path.endsWith(PROXY_PATHS.kycStatus));
    const harness = renderWidget({}, { userId: F.unverifiedUserId, intercept: reading.intercept });
    await quote(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByLabelText('CLABE');
    reading.release();
    expect(await screen.findByRole('heading', { name: 'Verify your identity' })).toHaveFocus();
    // Back: the bank step, and the screen does not come back by itself.
    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByLabelText('CLABE')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Verify your identity' })).not.toBeInTheDocument();
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

describe('limits, said before any error', () => {
  it('shows the partner’s limits under the amount, refuses an amount outside them without asking, and never says the quote is coming', async () => {
    const harness = renderWidget({ defaultValues: { side: 'fiat' }, limits: { fiat: { MXN: { min: 200, max: 50_000 } } } });
    expect(await screen.findByText(/between MX\$200\.00 and MX\$50,000\.00/)).toBeInTheDocument();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    expect(await screen.findByText('Enter an amount between MX$200.00 and MX$50,000.00.')).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.queryByText(/Your quote is on its way/)).not.toBeInTheDocument();
    expect(harness.lockedQuoteRequests()).toHaveLength(0);
  });

  it('remembers a range the API refused with, for the rest of the session', async () => {
    const harness = renderWidget({ defaultValues: { side: 'fiat' } });
    await harness.user.type(screen.getByLabelText('Amount'), '5');
    await passDebounce();
    await screen.findByText('Enter an amount between MX$10.00 and MX$1,000,000.00.');
    const asked = harness.requests.length;
    await harness.user.clear(screen.getByLabelText('Amount'));
    await harness.user.type(screen.getByLabelText('Amount'), '7');
    await passDebounce();
    // Known now: said at once, nothing asked.
    expect(await screen.findByText('Enter an amount between MX$10.00 and MX$1,000,000.00.')).toBeInTheDocument();
    expect(harness.requests).toHaveLength(asked);
    await harness.user.clear(screen.getByLabelText('Amount'));
    expect(screen.getByText(/between MX\$10\.00 and MX\$1,000,000\.00/)).toBeInTheDocument();
  });
});

describe('switching network', () => {
  it('keeps the token where the new network has it, else takes its first stablecoin, and never carries a token amount over', async () => {
    const harness = renderWidget();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await harness.user.selectOptions(screen.getByLabelText('Network'), 'BASE');
    expect(screen.getByLabelText('Token')).toHaveValue('USDC');
    expect(screen.getByLabelText('Amount')).toHaveValue('100');

    await harness.user.selectOptions(screen.getByLabelText('Network'), 'WLD');
    expect(screen.getByLabelText('Token')).toHaveValue('WLD');
    // "100 USDC" must not become "100 WLD".
    expect(screen.getByLabelText('Amount')).toHaveValue('');
    expect(screen.getByText(/the amount was in USDC: enter it in WLD/)).toBeInTheDocument();
    expect(screen.getByText('No stablecoin on World Chain: the price of WLD can move while you wait.')).toBeInTheDocument();

    await harness.user.selectOptions(screen.getByLabelText('Network'), 'SOL');
    expect(screen.getByLabelText('Token')).toHaveValue('USDC');
  });

  it('keeps an amount typed in fiat: it still means the same payout', async () => {
    const harness = renderWidget({ defaultValues: { side: 'fiat' } });
    await harness.user.type(screen.getByLabelText('Amount'), '1000');
    await harness.user.selectOptions(screen.getByLabelText('Network'), 'BSC');
    expect(screen.getByLabelText('Token')).toHaveValue('BNB');
    expect(screen.getByLabelText('Amount')).toHaveValue('1000');
  });
});

describe('support and terms', () => {
  it('links them in the footer, and support with the order reference on an ending', async () => {
    const harness = renderWidget({ supportUrl: 'https://partner.example/help', termsUrl: 'https://partner.example/terms', pollIntervalMs: 5 });
    expect(screen.getByRole('link', { name: 'Help' })).toHaveAttribute('href', 'https://partner.example/help');
    expect(screen.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', 'https://partner.example/terms');
    await quote(harness, '1.03');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Confirm' })).toBeEnabled());
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await harness.user.click(await screen.findByRole('button', { name: "I've sent it" }));
    const ending = (await screen.findByText(/^Your crypto did not arrive for this order/)).closest('[role="alert"]') as HTMLElement;
    expect(within(ending).getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'https://partner.example/help');
    expect(within(ending).getByText(`· Give them the order reference ${harness.sandbox.orders()[0]!.id}.`, { exact: false })).toBeInTheDocument();
  });
});
