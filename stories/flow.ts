/**
 * The user's moves through the widget, for play functions: each waits for what the user would
 * see before going on, never for a fixed time.
 */
import type { StoryContext } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';

export type Play = Pick<StoryContext, 'canvas' | 'userEvent'>;

/** Lazily loaded steps, the sandbox's latency and a busy machine: a condition gets this long. */
export const WAIT = { timeout: 30_000 };

export const COUNTDOWN = /^Quote expires in \d:\d\d$/;
export const HEADINGS = {
  amount: 'How much do you want to sell?',
  bank: 'Where should we pay you?',
  review: 'Review your order',
  send: 'Send your crypto',
  status: 'Where your money is',
  kyc: 'Verify your identity',
} as const;

/** The step's heading, once the step itself has loaded (later steps download on demand). */
export const heading = async ({ canvas }: Play, name: keyof typeof HEADINGS) => {
  const found = await canvas.findByRole('heading', { name: HEADINGS[name] }, WAIT);
  await waitFor(() => expect(canvas.queryByText('Loading…')).toBeNull(), WAIT);
  return found;
};

/** A firm quote is on screen: its countdown shows. */
export const quoted = ({ canvas }: Play) => canvas.findByText(COUNTDOWN, {}, WAIT);

export async function typeAmount(play: Play, amount: string) {
  const field = play.canvas.getByLabelText('Amount');
  await play.userEvent.clear(field);
  await play.userEvent.type(field, amount);
}

const clickButton = async ({ canvas, userEvent }: Play, name: string | RegExp) =>
  userEvent.click(await canvas.findByRole('button', { name }, WAIT));

/** From a quoted amount to the bank step. */
export async function toBank(play: Play) {
  await quoted(play);
  await clickButton(play, 'Continue');
  await heading(play, 'bank');
}

/** Picks one of the user's saved accounts on the bank step. */
export async function chooseSavedAccount(play: Play, label: RegExp = /Banco Santander •••• 7120/) {
  await play.userEvent.click(await play.canvas.findByRole('radio', { name: label }, WAIT));
}

/** From the bank step, its details complete, to the review. */
export async function toReview(play: Play) {
  await clickButton(play, 'Continue');
  await heading(play, 'review');
}

/** Confirms the order and waits for its deposit address. */
export async function confirm(play: Play) {
  await clickButton(play, 'Confirm');
  return play.canvas.findByRole('region', { name: 'Deposit address' }, WAIT);
}

/** "I've sent it": the order is followed from then on. */
export async function sendIt(play: Play) {
  await clickButton(play, "I've sent it");
  await heading(play, 'status');
}

/** From a quoted amount to the review, paid into the verified saved CLABE: the quickest way there. */
export async function toReviewWithSavedAccount(play: Play) {
  await toBank(play);
  await chooseSavedAccount(play);
  await toReview(play);
  await expect(await play.canvas.findByText(/Banco Santander •••• 7120/, {}, WAIT)).toBeVisible();
}

/** From a quoted amount to the deposit address. */
export async function toSend(play: Play) {
  await toReviewWithSavedAccount(play);
  return confirm(play);
}
