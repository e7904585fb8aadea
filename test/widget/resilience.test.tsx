import { onlineManager } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUOTE_DEBOUNCE_MS } from '../../src/widget/steps/AmountStep';
import { OffRampWidget } from '../../src/widget/OffRampWidget';
import { elapse, passDebounce, PROXY_URL, renderWidget } from './harness';

// A step part that can be made to fail while rendering, as a bug or a bad answer might.
const failure = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/widget/parts/QuoteSummary', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/widget/parts/QuoteSummary')>();
  return {
    ...original,
    QuoteSummary: (props: Parameters<typeof original.QuoteSummary>[0]) => {
      if (failure.on) throw new Error('render failure');
      return original.QuoteSummary(props);
    },
  };
});

afterEach(() => {
  failure.on = false;
  onlineManager.setOnline(true);
});

describe('a render failure', () => {
  it('is contained to the step, which starts again with every value kept', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    const harness = renderWidget();
    failure.on = true;
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    expect(await screen.findByText('Something went wrong on this screen. Everything you entered is kept.')).toBeInTheDocument();
    failure.on = false;
    await harness.user.click(screen.getByRole('button', { name: 'Start this step again' }));
    expect(screen.getByLabelText('Amount')).toHaveValue('100');
    expect(await screen.findByText(/^Quote expires in \d:\d\d$/)).toBeInTheDocument();
  });
});

describe('going offline', () => {
  it('says so, holds the quote as not firm, and goes on once back online', async () => {
    const harness = renderWidget();
    await harness.user.type(screen.getByLabelText('Amount'), '100');
    await passDebounce();
    await screen.findByText(/^Quote expires in \d:\d\d$/);
    act(() => onlineManager.setOnline(false));
    expect(screen.getByText(/^You are offline/)).toBeInTheDocument();
    await harness.user.clear(screen.getByLabelText('Amount'));
    await harness.user.type(screen.getByLabelText('Amount'), '200');
    // Past the debounce, and well past the moment an online widget would have asked.
    await elapse(QUOTE_DEBOUNCE_MS + 1000);
    expect(harness.lockedQuoteRequests()).toHaveLength(1); // paused, not failed
    act(() => onlineManager.setOnline(true));
    expect(await screen.findByText('200 USDC')).toBeInTheDocument();
    expect(screen.queryByText(/^You are offline/)).not.toBeInTheDocument();
  });

  it('is over for a widget mounted after the browser came back online while no widget listened', () => {
    const first = renderWidget();
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(screen.getByText(/^You are offline/)).toBeInTheDocument();
    first.unmount();
    window.dispatchEvent(new Event('online'));
    renderWidget();
    expect(screen.getByLabelText('Amount')).toBeInTheDocument();
    expect(screen.queryByText(/^You are offline/)).not.toBeInTheDocument();
  });
});

describe('a locale change after mount', () => {
  it('keeps the amount’s value, written in the new notation', async () => {
    const harness = renderWidget({ locale: 'en-US' });
    await harness.user.type(screen.getByLabelText('Amount'), '1,500.5');
    harness.rerender(
      <OffRampWidget proxyUrl={PROXY_URL} fetch={harness.fetch} locale="es-ES" />,
    );
    expect(await screen.findByLabelText('Monto')).toHaveValue('1500,5');
  });
});
