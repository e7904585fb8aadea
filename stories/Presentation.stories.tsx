/**
 * The same widget for other people and other screens: Spanish with Mexico's number format, and a
 * 320-pixel phone.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { OffRampWidgetProps } from '../src/widget/types';
import { sandboxedWidget } from './widget';
import { toSend, WAIT } from './flow';
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
    await expect(canvas.getByText('Se paga a')).toBeVisible();
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
