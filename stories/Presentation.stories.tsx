/**
 * The same widget for other people, other screens and other sites: Spanish with Mexico's number
 * format, a 320-pixel phone, the dark theme, and a partner's accent, corners and font.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { PALETTES } from '../src/theme';
import type { OffRampWidgetProps } from '../src/widget/types';
import { sandboxedWidget } from './widget';
import { quoted, toReviewWithSavedAccount, toSend, WAIT } from './flow';
import { PHONE_VIEWPORT } from './viewports';

const meta = {
  ...sandboxedWidget,
  title: 'Checkout/Presentation',
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `locale="es-MX"`: every word in Spanish, amounts and the rate in Mexico's notation, through to the review. */
export const Spanish: Story = {
  args: { locale: 'es-MX', defaultValues: { amount: '1500.5' } },
  play: async ({ canvas, userEvent }) => {
    await expect(await canvas.findByRole('heading', { name: '¿Cuánto quieres vender?' }, WAIT)).toBeVisible();
    await canvas.findByText(/^La cotización vence en \d:\d\d$/, {}, WAIT);
    await expect(canvas.getByText('1,500.5 USDC')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Continuar' }));
    await canvas.findByRole('heading', { name: '¿Dónde te pagamos?' }, WAIT);
    await userEvent.click(await canvas.findByRole('radio', { name: 'Banco Santander •••• 7120' }, WAIT));
    await userEvent.click(canvas.getByRole('button', { name: 'Continuar' }));
    await expect(await canvas.findByRole('heading', { name: 'Revisa tu orden' }, WAIT)).toBeVisible();
    await expect(await canvas.findByText('Se paga a', {}, WAIT)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Confirmar' })).toBeEnabled();
  },
};

/** A 320-pixel phone, on the widest step (the deposit's QR code and address): nothing is cut off or scrolls sideways. */
export const Phone: Story = {
  name: 'Phone, 320 px',
  args: { defaultValues: { amount: '100' } },
  globals: { viewport: { value: PHONE_VIEWPORT, isRotated: false } },
  play: async (context) => {
    await toSend(context);
    await expect(window.innerWidth).toBe(320);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(320);
    await expect(context.canvas.getByRole('button', { name: "I've sent it" })).toBeVisible();
  },
};

/** `#rrggbb` as `getComputedStyle` writes it. */
const computedRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

const widgetRoot = (canvasElement: HTMLElement) => canvasElement.querySelector<HTMLElement>('[data-offramp-widget]')!;

/** `theme="dark"`, whatever the page prefers: the dark palette, readable (axe) on the amount and the review. */
export const Dark: Story = {
  args: { theme: 'dark', defaultValues: { amount: '100' } },
  decorators: [
    (Story) => (
      <div style={{ background: '#0d0f12', minHeight: '100vh' }}>
        <Story />
      </div>
    ),
  ],
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await quoted(context);
    const root = widgetRoot(canvasElement);
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(getComputedStyle(root).backgroundColor).toBe(computedRgb(PALETTES.dark['color-surface']));
    await expect(getComputedStyle(root).color).toBe(computedRgb(PALETTES.dark['color-text']));
    await toReviewWithSavedAccount(context);
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  },
};

/** A partner's look through `appearance`: its accent (one per scheme), square corners and a serif font. */
export const PartnerAppearance: Story = {
  args: {
    defaultValues: { amount: '100' },
    appearance: { accent: { light: '#0b57d0', dark: '#a8c7fa' }, radius: '3px', font: 'Georgia, "Times New Roman", serif' },
  },
  play: async (context) => {
    const { canvas, canvasElement } = context;
    await quoted(context);
    const root = widgetRoot(canvasElement);
    await expect(getComputedStyle(root).borderRadius).toBe('3px');
    await expect(getComputedStyle(root).fontFamily).toBe('Georgia, "Times New Roman", serif');
    const proceed = canvas.getByRole('button', { name: 'Continue' });
    await expect(getComputedStyle(proceed).backgroundColor).toBe(computedRgb('#0b57d0'));
    // No accentText given: white reads better than near-black on this blue.
    await expect(getComputedStyle(proceed).color).toBe(computedRgb('#ffffff'));
    await expect(getComputedStyle(proceed).borderRadius).toBe('2px');
  },
};
