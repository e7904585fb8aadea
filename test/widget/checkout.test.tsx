import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API_PATHS, PROXY_PATHS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { jumpClock, passDebounce, renderWidget, VALID_CLABE, WRONG_CHECK_DIGIT_CLABE } from './harness';

const COUNTDOWN = /^Quote expires in \d:\d\d$/;

type Harness = ReturnType<typeof renderWidget>;

async function quoteAmount({ user }: Harness, amount: string) {
  await user.type(screen.getByLabelText('Amount'), amount);
  await passDebounce();
  await screen.findByText(COUNTDOWN);
}

async function toReview(harness: Harness, clabe = VALID_CLABE) {
  await quoteAmount(harness, '100');
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await harness.user.type(await screen.findByLabelText('CLABE'), clabe);
  await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByRole('heading', { name: 'Review your order' });
}

describe('the MX path', () => {
  it('goes from an amount to a deposit address and its QR code', async () => {
    const onSubmitted = vi.fn();
    const onStepChange = vi.fn();
    const harness = renderWidget({ onSubmitted, onStepChange });
    await quoteAmount(harness, '100');
    expect(screen.getByText('100 USDC')).toBeInTheDocument();
    expect(screen.getByText(/^1 USDC = /)).toBeInTheDocument();

    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await harness.user.type(await screen.findByLabelText('CLABE'), VALID_CLABE);
    expect(screen.getByText('Bank: Banco Santander')).toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByText('CLABE •••• 7120')).toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));

    const region = await screen.findByRole('region', { name: 'Deposit address' });
    const [order] = harness.sandbox.orders();
    expect(order).toBeDefined();
    const address = order!.destinationWalletAddress;
    expect(within(region).getByRole('img', { name: 'QR code of the deposit address' })).toBeInTheDocument();
    expect(region.querySelector('.orw-address')!.textContent).toBe(address);
    expect(within(region).getByText(/^Send exactly 100 USDC on Polygon/)).toBeInTheDocument();
    expect(within(region).getByText(/may be lost for good/)).toBeInTheDocument();
    expect(within(region).getByText(COUNTDOWN)).toBeInTheDocument();

    expect(onSubmitted).toHaveBeenCalledWith(
      expect.objectContaining({ orderId: order!.id, destinationWalletAddress: address, cryptoAmount: 100, tokenSymbol: 'USDC' }),
    );
    // Events carry no bank number: the host gets the last four only.
    expect(onSubmitted.mock.calls[0]![0].order.bankAccount.accountIdentifier).toBe('••••7120');
    expect(JSON.stringify(onSubmitted.mock.calls)).not.toContain(VALID_CLABE);
    expect(onStepChange.mock.calls.map(([step]) => step)).toEqual(['bank', 'review', 'send']);
    const [orderRequest] = harness.orderRequests();
    expect(await orderRequest!.json()).toEqual({
      quoteId: expect.any(String),
      userBankInformation: { country: 'MX', accountIdentifier: VALID_CLABE },
    });
  });

  it('shows the address in groups of four', async () => {
    const harness = renderWidget();
    await toReview(harness);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    const region = await screen.findByRole('region', { name: 'Deposit address' });
    const groups = [...region.querySelectorAll('.orw-address span')].map((span) => span.textContent);
    expect(groups.join('')).toBe(harness.sandbox.orders()[0]!.destinationWalletAddress);
    expect(groups.slice(0, -1).every((group) => group!.length === 4)).toBe(true);
  });
});

describe('bank step', () => {
  it('refuses a CLABE with a wrong check digit, with a message, and keeps it', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    const clabe = await screen.findByLabelText('CLABE');
    await harness.user.type(clabe, WRONG_CHECK_DIGIT_CLABE);
    expect(await screen.findByText(/The check digit of this CLABE is wrong/)).toBeInTheDocument();
    expect(clabe).toHaveAttribute('aria-invalid', 'true');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { name: 'Where should we pay you?' })).toBeInTheDocument();
    expect((clabe as HTMLInputElement).value.replace(/\s/g, '')).toBe(WRONG_CHECK_DIGIT_CLABE);
    expect(clabe).toHaveFocus();
  });

  it('says how many digits a short CLABE has', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await harness.user.type(await screen.findByLabelText('CLABE'), '0146802603');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('A CLABE has 18 digits; this one has 10.')).toBeInTheDocument();
  });

  it('accepts a pasted CLABE with spaces and shows it grouped as banks print it', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    const clabe = await screen.findByLabelText('CLABE');
    await harness.user.click(clabe);
    await harness.user.paste('014 680 26034600712 0');
    expect(clabe).toHaveValue('014 680 26034600712 0');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Review your order' })).toBeInTheDocument();
  });
});

describe('navigation', () => {
  it('keeps every value going back and forward', async () => {
    const harness = renderWidget();
    await harness.user.click(screen.getByLabelText('You send'));
    await harness.user.selectOptions(screen.getByLabelText('Network'), 'BASE');
    await harness.user.selectOptions(screen.getByLabelText('Token'), 'USDbC');
    await toReview(harness);

    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByLabelText('CLABE')).toHaveValue('014 680 26034600712 0');
    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Amount')).toHaveValue('100');
    expect(screen.getByLabelText('Network')).toHaveValue('BASE');
    expect(screen.getByLabelText('Token')).toHaveValue('USDbC');

    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByLabelText('CLABE')).toHaveValue('014 680 26034600712 0');
    // Returning to an amount already quoted asks nothing new.
    expect(harness.lockedQuoteRequests()).toHaveLength(1);
  });

  it('offers only the tokens of the chosen network', async () => {
    const harness = renderWidget();
    await harness.user.selectOptions(screen.getByLabelText('Network'), 'BSC');
    const options = within(screen.getByLabelText('Token')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['BNB']);
    expect(screen.getByLabelText('Token')).toHaveValue('BNB');
  });

  it('moves focus to the new step heading', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    // The step moves as the click's validation settles; focus follows once it has rendered.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Where should we pay you?' })).toHaveFocus());
  });

  it('goes on once the quote is firm when Continue is pressed before it shows, saying so meanwhile', async () => {
    const harness = renderWidget();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    // Within the quote's debounce: nothing is quoted for 100 yet.
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Your quote is on its way: the next step follows as soon as it shows.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How much do you want to sell?' })).toBeInTheDocument();
    await passDebounce();
    expect(await screen.findByRole('heading', { name: 'Where should we pay you?' })).toBeInTheDocument();
    expect(harness.lockedQuoteRequests()).toHaveLength(1);
  });

  it('does not go on by itself for an amount changed after Continue', async () => {
    const harness = renderWidget();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await harness.user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText(/Your quote is on its way/);
    await harness.user.type(screen.getByLabelText('Amount'), '0');
    await passDebounce();
    await screen.findByText(COUNTDOWN);
    expect(screen.queryByText(/Your quote is on its way/)).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How much do you want to sell?' })).toBeInTheDocument();
  });
});

describe('quotes', () => {
  it('asks one quote for an amount typed in one go', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '1500');
    expect(harness.lockedQuoteRequests()).toHaveLength(1);
    expect(await harness.lockedQuoteRequests()[0]!.json()).toMatchObject({ cryptoAmount: 1500, tokenSymbol: 'USDC' });
  });

  it('locks a fiat amount through an estimate, with cryptoAmount, and shows the quote’s own figures', async () => {
    const harness = renderWidget();
    await harness.user.click(screen.getByLabelText('You receive'));
    await quoteAmount(harness, '1500');
    const [lock] = harness.lockedQuoteRequests();
    const body = await lock!.json();
    expect(body.fiatAmount).toBeUndefined();
    expect(body.cryptoAmount).toBeGreaterThan(0);
    const estimate = harness.requests.find((request) => request.method === 'GET' && new URL(request.url).pathname.endsWith(API_PATHS.quotes));
    expect(new URL(estimate!.url).searchParams.get('fiatAmount')).toBe('1500');
    // The crypto amount is rounded up, so the user never receives less than asked.
    const summary = screen.getByRole('region', { name: 'Your quote' });
    const received = within(summary).getByText('Reaches your bank').nextElementSibling!.textContent!;
    expect(Number(received.replace(/[^\d.]/g, ''))).toBeGreaterThanOrEqual(1500);
  });

  it('shows an amount below the minimum on the amount field, in the user’s currency format', async () => {
    const harness = renderWidget({ defaultValues: { side: 'fiat' } });
    await harness.user.type(screen.getByLabelText('Amount'), '5');
    await passDebounce();
    const message = await screen.findByText(/^Enter an amount between/);
    expect(message.textContent).toBe('Enter an amount between MX$10.00 and MX$1,000,000.00.');
    expect(screen.getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
  });

  it('never lets an older answer replace a newer one', async () => {
    // The answer to the first quote is held back until the second one is on screen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let slowAnswer: Promise<Response> | undefined;
    const harness = renderWidget(
      {},
      {
        intercept: (request, respond) => {
          if (request.method === 'POST' && slowAnswer === undefined) return (slowAnswer = held.then(respond));
          return respond();
        },
      },
    );
    await harness.user.type(screen.getByLabelText('Amount'), '10');
    await passDebounce();
    await waitFor(() => expect(slowAnswer).toBeDefined()); // the first quote is now in flight
    await harness.user.type(screen.getByLabelText('Amount'), '0');
    await passDebounce();
    await screen.findByText('100 USDC');
    // The slow answer for 10 comes, and is gone.
    await act(async () => {
      release();
      expect((await slowAnswer!).status).toBe(201);
    });
    expect(harness.lockedQuoteRequests()).toHaveLength(2);
    expect(screen.getByText('100 USDC')).toBeInTheDocument();
    expect(screen.queryByText('10 USDC')).not.toBeInTheDocument();
  });

  it('counts down by the server’s clock when the browser’s is minutes off', async () => {
    // The server's clock is two minutes ahead: uncorrected, a 5-minute quote would show 7:00.
    const harness = renderWidget({}, { sandbox: { now: () => Date.now() + 120_000 } });
    await quoteAmount(harness, '100');
    expect(screen.getByText(COUNTDOWN).textContent).toMatch(/^Quote expires in (4:5\d|5:00)$/);
  });
});

describe('an expired quote', () => {
  it('blocks Confirm, offers a new quote that keeps every value, then confirms the new one', async () => {
    const harness = renderWidget();
    await toReview(harness);
    expect(screen.getByText(COUNTDOWN)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeEnabled();

    jumpClock(6 * 60_000);
    expect(await screen.findByText('This quote has expired.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm' })).toBeDisabled();

    await harness.user.click(screen.getByRole('button', { name: 'Get a new quote' }));
    await screen.findByText(COUNTDOWN);
    expect(harness.lockedQuoteRequests()).toHaveLength(2);
    expect(screen.getByText('CLABE •••• 7120')).toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    const second = await harness.lockedQuoteRequests()[1]!.clone().json();
    expect(second.cryptoAmount).toBe(100);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('renews by itself on the amount step', async () => {
    const harness = renderWidget();
    await quoteAmount(harness, '100');
    jumpClock(6 * 60_000);
    await waitFor(() => expect(harness.lockedQuoteRequests()).toHaveLength(2));
    await screen.findByText(COUNTDOWN);
  });

  it('tells the user not to send once the quote has expired on the send step', async () => {
    // The API's clock stands still, so its order stays open and the widget stays on this step.
    const apiTime = Date.now();
    const harness = renderWidget({}, { sandbox: { now: () => apiTime } });
    await toReview(harness);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    const region = await screen.findByRole('region', { name: 'Deposit address' });
    jumpClock(6 * 60_000);
    expect(await within(region).findByText(/Do not send anything to this address/)).toBeInTheDocument();
    expect(within(region).queryByRole('img')).not.toBeInTheDocument();
  });
});

describe('QUOTE_EXPIRED on Confirm', () => {
  it('gets a new quote, shows old and new figures side by side, and waits for a new Confirm', async () => {
    const harness = renderWidget();
    await toReview(harness);
    harness.sandbox.injectFault({ method: 'POST', path: API_PATHS.offRamp, fault: { kind: 'error', error: API_ERRORS.quoteExpired } });
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    const change = await screen.findByText('The quote you saw expired, so here is a new one. Please check it and confirm again.');
    const table = within(change.closest('[role="alert"]') as HTMLElement).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Before', 'Now']);
    expect(within(table).getByRole('rowheader', { name: 'You receive' })).toBeInTheDocument();
    expect(harness.lockedQuoteRequests()).toHaveLength(2);
    // Nothing is submitted at the new rate until the user confirms it.
    expect(harness.orderRequests()).toHaveLength(1);
    expect(harness.sandbox.orders()).toHaveLength(0);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    const [first, second] = await Promise.all(harness.orderRequests().map((request) => request.clone().json()));
    expect(second.quoteId).not.toBe(first.quoteId);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });
});

describe('Confirm', () => {
  it('makes one order however often it is clicked', async () => {
    const harness = renderWidget();
    await toReview(harness);
    const confirm = screen.getByRole('button', { name: 'Confirm' });
    await harness.user.tripleClick(confirm);
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(harness.orderRequests()).toHaveLength(1);
    expect(harness.sandbox.orders()).toHaveLength(1);
  });

  it('sends an Idempotency-Key', async () => {
    const harness = renderWidget();
    await toReview(harness);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByRole('region', { name: 'Deposit address' });
    expect(harness.orderRequests()[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains identity verification to a user without KYC, hands over to the partner, and keeps the review', async () => {
    const onError = vi.fn();
    const onKycRequired = vi.fn();
    const { SANDBOX_FIXTURES } = await import('../../src/sandbox');
    // A proxy that does not say whether the user is verified: the API's refusal of the order does.
    const harness = renderWidget(
      { onError, onKycRequired },
      {
        userId: SANDBOX_FIXTURES.unverifiedUserId,
        intercept: (request, respond) =>
          new URL(request.url).pathname.endsWith(PROXY_PATHS.kycStatus) ? Promise.resolve(Response.json(errorBody(API_ERRORS.notFound), { status: 404 })) : respond(),
      },
    );
    await toReview(harness);
    await harness.user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { name: 'Verify your identity' })).toHaveFocus();
    expect(screen.getByText('You need to verify your identity before you can sell crypto.')).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'USER_NOT_VERIFIED_ERROR', status: 403 }));
    expect(onKycRequired).not.toHaveBeenCalled();
    await harness.user.click(screen.getByRole('button', { name: 'Verify now' }));
    expect(onKycRequired).toHaveBeenCalledTimes(1);
    await harness.user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByText('CLABE •••• 7120')).toBeInTheDocument();
    expect(harness.sandbox.orders()).toHaveLength(0);
  });
});

describe('Spanish', () => {
  it('speaks Spanish and formats numbers for es-MX', async () => {
    const harness = renderWidget({ locale: 'es-MX' });
    await harness.user.type(await screen.findByLabelText('Monto'), '1500');
    await passDebounce();
    expect(await screen.findByText(/^La cotización vence en \d:\d\d$/)).toBeInTheDocument();
    expect(screen.getByText('1,500 USDC')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continuar' })).toBeInTheDocument();
  });
});
