/**
 * After the deposit address: "I've sent it" (by hand, with or without a hash, or from the partner's
 * wallet), the order followed to each ending, polling that stops, and the order kept across a reload.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_PATHS } from '../../src/api/contract';
import type { OffRampWidgetProps } from '../../src/widget/types';
import { elapse, fastForwardUntil, jumpClock, passDebounce, renderWidget, VALID_CLABE } from './harness';

type Harness = ReturnType<typeof renderWidget>;

const EVM_HASH = `0x${'9c2f1e0b7a6d5c4b'.repeat(4)}`;
/** Fast reads: the sandbox walks one status per read. */
const FAST = { pollIntervalMs: 5 } satisfies Partial<OffRampWidgetProps>;

const COUNTDOWN = { en: /^Quote expires in \d:\d\d$/, es: /^La cotización vence en \d:\d\d$/ };
const LABELS = {
  en: { amount: 'Amount', continue: 'Continue', confirm: 'Confirm', sent: "I've sent it", deposit: 'Deposit address' },
  es: { amount: 'Monto', continue: 'Continuar', confirm: 'Confirmar', sent: 'Ya lo envié', deposit: 'Dirección de depósito' },
};

/** From an empty widget to the deposit address of an order for `amount` USDC paid in pesos. */
async function toDeposit(harness: Harness, amount: string, language: 'en' | 'es' = 'en') {
  const label = LABELS[language];
  await harness.user.type(await screen.findByLabelText(label.amount), amount);
  await passDebounce();
  await screen.findByText(COUNTDOWN[language]);
  await harness.user.click(screen.getByRole('button', { name: label.continue }));
  // Every digit typed is kept (even before the field's effects have run: bank-input.test.tsx).
  // Where the focus went while typing is told if not.
  const clabeField = await screen.findByLabelText('CLABE');
  const focused: string[] = [];
  const onFocus = (event: FocusEvent) => focused.push(`${(event.target as Element).tagName.toLowerCase()}#${(event.target as Element).id}`);
  document.addEventListener('focusin', onFocus);
  await harness.user.type(clabeField, VALID_CLABE);
  document.removeEventListener('focusin', onFocus);
  const shown = screen.getByLabelText('CLABE');
  expect(shown, `the field ${shown === clabeField ? 'typed into' : 'replaced'}; focus went to ${focused.join(', ')}`).toHaveValue('014 680 26034600712 0');
  await harness.user.click(screen.getByRole('button', { name: label.continue }));
  await waitFor(() => expect(screen.getByRole('button', { name: label.confirm })).toBeEnabled());
  await harness.user.click(screen.getByRole('button', { name: label.confirm }));
  return screen.findByRole('region', { name: label.deposit });
}

const requestsTo = (harness: Harness, path: string) => harness.requests.filter((request) => new URL(request.url).pathname.endsWith(path));
const reads = (harness: Harness) => requestsTo(harness, API_PATHS.transactions);
const executions = (harness: Harness) => requestsTo(harness, API_PATHS.execute);

afterEach(() => {
  vi.useRealTimers();
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
});

describe('each ending, followed to its end', () => {
  it.each([
    ['en', '1.01', /^MX\$18\.1\d paid into the account ending 7120\.$/],
    ['es', '1.01', /^\$18\.1\d pagados a la cuenta terminada en 7120\.$/],
  ] as const)('%s: %s reaches "paid" with the amount and the last four', async (language, amount, paid) => {
    const onStatusChange = vi.fn();
    const onComplete = vi.fn();
    const onStepChange = vi.fn();
    const harness = renderWidget({ ...FAST, locale: language === 'es' ? 'es-MX' : 'en', onStatusChange, onComplete, onStepChange });
    await toDeposit(harness, amount, language);
    await harness.user.click(screen.getByRole('button', { name: LABELS[language].sent }));

    expect(await screen.findByText(paid)).toBeInTheDocument();
    const timeline = screen.getByRole('list');
    expect(within(timeline).getAllByRole('listitem').map((item) => item.dataset.state)).toEqual(['done', 'done', 'done', 'done']);
    expect(onStepChange).toHaveBeenLastCalledWith('status');

    const order = harness.sandbox.orders()[0]!;
    const statuses = onStatusChange.mock.calls.map(([change]) => change.status);
    expect(statuses.at(-1)).toBe('COMPLETED');
    // Each change names the one before it.
    for (const [index, [change]] of onStatusChange.mock.calls.entries()) {
      expect(change.orderId).toBe(order.id);
      expect(change.previousStatus).toBe(index === 0 ? undefined : statuses[index - 1]);
    }
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete.mock.calls[0]![0]).toMatchObject({ id: order.id, status: 'COMPLETED', bankAccount: { accountIdentifier: '••••7120' } });
    expect(JSON.stringify([onComplete.mock.calls, onStatusChange.mock.calls])).not.toContain(VALID_CLABE);
  });

  it.each([
    ['en', '1.02', 'This order was cancelled. Any crypto you sent for it is returned to the address it came from.', "The bank account holder's name did not match your verified name. Pay into an account in your own name."],
    ['es', '1.02', 'Esta orden fue cancelada. La cripto que hayas enviado para ella se devuelve a la dirección de origen.', 'El nombre del titular de la cuenta no coincide con tu nombre verificado. Usa una cuenta a tu nombre.'],
    ['en', '1.03', 'Your crypto did not arrive for this order, so nothing will be paid. If you did send it, contact support with the order reference.', undefined],
    ['es', '1.03', 'Tu cripto no llegó para esta orden, así que no se pagará nada. Si sí la enviaste, contacta a soporte con la referencia de la orden.', undefined],
  ] as const)('%s: %s ends with its own sentence and a way to start again', async (language, amount, sentence, reason) => {
    const harness = renderWidget({ ...FAST, locale: language === 'es' ? 'es-MX' : 'en' });
    await toDeposit(harness, amount, language);
    await harness.user.click(screen.getByRole('button', { name: LABELS[language].sent }));
    const alert = (await screen.findByText(sentence)).closest('[role="alert"]') as HTMLElement;
    if (reason) expect(within(alert).getByText(reason)).toBeInTheDocument();
    const order = harness.sandbox.orders()[0]!;
    expect(screen.getByText(language === 'es' ? `Referencia de la orden: ${order.id}` : `Order reference: ${order.id}`)).toBeInTheDocument();

    // Start again keeps the bank details and asks a new quote for the same amount.
    await harness.user.click(screen.getByRole('button', { name: language === 'es' ? 'Empezar de nuevo con una nueva cotización' : 'Start again with a new quote' }));
    expect(await screen.findByText('CLABE •••• 7120')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: LABELS[language].confirm })).toBeEnabled());
  });
});

describe('following the order', () => {
  it('stops reading at a final status', async () => {
    const harness = renderWidget(FAST);
    await toDeposit(harness, '1.01');
    await harness.user.click(screen.getByRole('button', { name: "I've sent it" }));
    await screen.findByText(/paid into the account ending 7120/);
    const atTheEnd = reads(harness).length;
    // A minute later, no read more.
    await elapse(60_000);
    expect(reads(harness)).toHaveLength(atTheEnd);
  });

  it('stops reading when the widget goes away', async () => {
    const harness = renderWidget({ pollIntervalMs: 20 });
    await toDeposit(harness, '100');
    await waitFor(() => expect(reads(harness).length).toBeGreaterThan(1));
    harness.unmount();
    const atUnmount = reads(harness).length;
    await elapse(60_000);
    expect(reads(harness)).toHaveLength(atUnmount);
  });

  it('reads no more while the tab is hidden, and reads again when it shows', async () => {
    const harness = renderWidget({ pollIntervalMs: 20 });
    await toDeposit(harness, '100');
    await waitFor(() => expect(reads(harness).length).toBeGreaterThan(1));
    act(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    // A read already on its way may land; after it, none.
    await elapse(100);
    const whileHidden = reads(harness).length;
    await elapse(60_000);
    expect(reads(harness)).toHaveLength(whileHidden);
    act(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    });
    await waitFor(() => expect(reads(harness).length).toBeGreaterThan(whileHidden));
  });

  it('backs off while nothing changes', async () => {
    const readTimes: number[] = [];
    const harness = renderWidget(
      // Long enough that the real time a read takes (the fake clock moves with it) is noise.
      { pollIntervalMs: 1_000 },
      {
        intercept: (request, respond) => {
          if (new URL(request.url).pathname.endsWith(API_PATHS.transactions)) readTimes.push(Date.now());
          return respond();
        },
      },
    );
    await toDeposit(harness, '100');
    // Unexecuted, the sandbox's order stays PENDING_PAYMENT: each wait is 1.5 times the one before,
    // so the eighth wait is 1.5^6 ≈ 11 times the second.
    await fastForwardUntil(() => expect(readTimes.length).toBeGreaterThanOrEqual(9));
    const gaps = readTimes.slice(1).map((time, index) => time - readTimes[index]!);
    expect(gaps[7]!).toBeGreaterThan(3 * gaps[1]!);
  });
});

describe("I've sent it", () => {
  it('checks a pasted hash for the chain before sending it, then sends it', async () => {
    const harness = renderWidget(FAST);
    const region = await toDeposit(harness, '100');
    const field = within(region).getByLabelText('Transaction hash (optional)');
    await harness.user.type(field, '0x1234');
    await harness.user.click(within(region).getByRole('button', { name: "I've sent it" }));
    expect(within(region).getByText(/A transaction hash on Polygon is 0x followed by 64 letters and digits/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(field).toHaveValue('0x1234');
    expect(executions(harness)).toHaveLength(0);

    await harness.user.clear(field);
    await harness.user.type(field, EVM_HASH);
    await harness.user.click(within(region).getByRole('button', { name: "I've sent it" }));
    await screen.findByRole('heading', { name: 'Where your money is' });
    expect(executions(harness)).toHaveLength(1);
    const order = harness.sandbox.orders()[0]!;
    expect(await executions(harness)[0]!.json()).toEqual({ transactionId: order.id, transactionHash: EVM_HASH });
  });

  it('sends without a hash when none is pasted', async () => {
    const harness = renderWidget(FAST);
    await toDeposit(harness, '100');
    await harness.user.click(screen.getByRole('button', { name: "I've sent it" }));
    await screen.findByRole('heading', { name: 'Where your money is' });
    expect(await executions(harness)[0]!.json()).toEqual({ transactionId: harness.sandbox.orders()[0]!.id });
  });
});

describe('a deposit from the partner’s wallet', () => {
  it('hands the exact deposit to the wallet and executes with its hash by itself', async () => {
    const onInitiateDeposit = vi.fn(async () => ({ transactionHash: EVM_HASH }));
    const harness = renderWidget({ ...FAST, onInitiateDeposit });
    await toDeposit(harness, '1.5');
    await harness.user.click(screen.getByRole('button', { name: 'Send from your wallet' }));
    await screen.findByRole('heading', { name: 'Where your money is' });
    const order = harness.sandbox.orders()[0]!;
    expect(onInitiateDeposit).toHaveBeenCalledWith({
      orderId: order.id,
      destinationWalletAddress: order.destinationWalletAddress,
      amount: '1.5',
      baseUnits: '1500000',
      tokenSymbol: 'USDC',
      tokenAddress: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
      blockchainSymbol: 'POL',
      chainId: 137,
    });
    expect(await executions(harness)[0]!.json()).toEqual({ transactionId: order.id, transactionHash: EVM_HASH });
  });

  it('leaves the step as it was when the user closes the wallet, manual path included', async () => {
    const onInitiateDeposit = vi.fn(() => Promise.reject(new Error('User rejected the request')));
    const harness = renderWidget({ ...FAST, onInitiateDeposit });
    const region = await toDeposit(harness, '100');
    await harness.user.click(within(region).getByRole('button', { name: 'Send from your wallet' }));
    expect(await within(region).findByText(/The wallet did not send the transfer/)).toBeInTheDocument();
    expect(executions(harness)).toHaveLength(0);
    expect(within(region).getByRole('button', { name: 'Send from your wallet' })).toBeEnabled();
    expect(within(region).getByRole('button', { name: "I've sent it" })).toBeEnabled();
    expect(region.querySelector('.orw-address')!.textContent).toBe(harness.sandbox.orders()[0]!.destinationWalletAddress);
  });
});

describe('a payment request beside the plain address', () => {
  it('offers the EIP-681 request as a link and as a second QR code', async () => {
    const harness = renderWidget(FAST);
    const region = await toDeposit(harness, '2.25');
    const order = harness.sandbox.orders()[0]!;
    const uri = `ethereum:0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359@137/transfer?address=${order.destinationWalletAddress}&uint256=2250000`;
    expect(within(region).getByRole('link', { name: 'Open in a wallet app' })).toHaveAttribute('href', uri);
    expect(within(region).getByRole('img', { name: 'QR code of the deposit address' })).toBeInTheDocument();
    await harness.user.click(within(region).getByRole('radio', { name: 'Wallet with amount filled in' }));
    expect(within(region).getByRole('img', { name: 'QR code of a payment request for 2.25 USDC on Polygon' })).toBeInTheDocument();
  });
});

describe('expired before sending', () => {
  it('says not to send, and offers no cancel once the API has expired the order', async () => {
    const harness = renderWidget(FAST);
    await toDeposit(harness, '100');
    jumpClock(6 * 60_000);
    expect(await screen.findByText('This order expired before your crypto arrived. Do not send anything to its address.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "I've sent it" })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel this order' })).not.toBeInTheDocument();
    await harness.user.click(screen.getByRole('button', { name: 'Start again with a new quote' }));
    expect(await screen.findByText('CLABE •••• 7120')).toBeInTheDocument();
    expect(Object.keys(sessionStorage)).toHaveLength(0);
  });

  it('cancels, when the user asks, an order the API still holds open', async () => {
    // The API's clock stands still: its order is still open when the widget's countdown ends.
    const apiTime = Date.now();
    const harness = renderWidget(FAST, { sandbox: { now: () => apiTime } });
    const region = await toDeposit(harness, '100');
    jumpClock(6 * 60_000);
    expect(await within(region).findByText('This quote has expired. Do not send anything to this address.')).toBeInTheDocument();
    expect(within(region).queryByRole('img')).not.toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: "I've sent it" })).not.toBeInTheDocument();
    await harness.user.click(await within(region).findByRole('button', { name: 'Cancel this order' }));
    expect(await screen.findByText('You cancelled it.')).toBeInTheDocument();
    expect(harness.sandbox.orders()[0]!.status).toBe('CANCELLED');
  });
});

describe('nothing lost on reload', () => {
  it('comes back to the same address and expiry, keeps no bank detail, and forgets a finished order', async () => {
    const first = renderWidget(FAST);
    const region = await toDeposit(first, '100');
    const address = region.querySelector('.orw-address')!.textContent;
    const stored = Object.values(sessionStorage).join('\n');
    expect(stored).toContain(first.sandbox.orders()[0]!.id);
    expect(stored).not.toContain(VALID_CLABE);
    expect(stored).not.toMatch(/7120|bank|holder|name/i);
    first.unmount();

    // A reloaded tab: a new widget on the same proxy, the same sandbox behind it.
    const second = renderWidget(FAST, { reuseSandbox: first.sandbox });
    const again = await screen.findByRole('region', { name: 'Deposit address' });
    expect(again.querySelector('.orw-address')!.textContent).toBe(address);
    expect(within(again).getByText(/^Quote expires in [45]:\d\d$/)).toBeInTheDocument();

    await second.user.click(screen.getByRole('button', { name: "I've sent it" }));
    await screen.findByText(/paid into the account ending 7120/);
    expect(Object.keys(sessionStorage)).toHaveLength(0);
  });

  it('does not keep or resume anything with resume={false}', async () => {
    const first = renderWidget({ ...FAST, resume: false });
    await toDeposit(first, '100');
    expect(Object.keys(sessionStorage)).toHaveLength(0);
  });
});
