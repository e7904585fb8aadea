import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import type { OffRampWidgetProps } from '../src/widget/types';
import { backendOf, sandboxedWidget } from './widget';
import type { StoryBackendOptions } from './backend';
import { confirm, heading, quoted, sendIt, toBank, toReview, typeAmount, WAIT } from './flow';

const HOW_TO_EMBED = `
Sell stablecoins for fiat paid into a bank account. The widget talks only to **your proxy**
(\`createOffRampProxy\` from \`offramp-widget/proxy\`), which adds your API key and the signed-in user.

**How to embed**

1. Mount the proxy on your server (Express, Next.js, Workers…) at a path of your site, say \`/offramp\`.
2. Render the widget with that URL:

\`\`\`tsx
import { OffRampWidget } from 'offramp-widget';

<OffRampWidget
  proxyUrl="https://your.site/offramp"
  locale="es-MX"
  defaultValues={{ amount: '100', tokenSymbol: 'USDC', blockchainSymbol: 'POL' }}
  onSubmitted={({ orderId }) => track(orderId)}
  onKycRequired={() => startKyc()}
/>
\`\`\`

Every story here runs the real proxy in front of the built-in sandbox, in the page: type, choose and
confirm as a user would. \`defaultValues\` and \`receiverId\` are read once at mount.
`;

const meta = {
  ...sandboxedWidget,
  title: 'OffRampWidget',
  tags: ['autodocs'],
  parameters: {
    docs: { description: { component: HOW_TO_EMBED } },
  },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The widget as a partner's page first shows it: try every control. */
export const Playground: Story = {};

/** The whole flow, driven: an amount, a CLABE typed in, the review, the deposit address, and the payout followed to the bank. */
export const WholeFlow: Story = {
  // A new seller: no saved account, so the bank step asks for a CLABE.
  parameters: { backend: { userId: SANDBOX_FIXTURES.newUserId } satisfies StoryBackendOptions },
  play: async (context) => {
    const { canvas, userEvent, args, step } = context;
    const { sandbox } = backendOf(context);
    await step('Amount: a locked quote for 100 USDC', async () => {
      await typeAmount(context, '100');
      await quoted(context);
      await expect(canvas.getByText(/^1 USDC = /)).toBeVisible();
    });
    await step('Bank: a new CLABE, checked as it is typed', async () => {
      await toBank(context);
      await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
      await expect(canvas.getByText('Bank: Banco Santander')).toBeVisible();
    });
    await step('Review, then Confirm: one order in the sandbox', async () => {
      await toReview(context);
      await expect(canvas.getByText('CLABE •••• 7120')).toBeVisible();
      const region = await confirm(context);
      const [order] = sandbox.orders();
      await expect(region.querySelector('[data-address]')?.getAttribute('data-address')).toBe(order?.destinationWalletAddress);
      await expect(args.onSubmitted).toHaveBeenCalledWith(expect.objectContaining({ orderId: order?.id, cryptoAmount: 100 }));
    });
    await step("I've sent it: followed to the payout", async () => {
      await sendIt(context);
      await canvas.findByText(/paid into the account ending 7120/, {}, WAIT);
      await waitFor(() => expect(args.onComplete).toHaveBeenCalledTimes(1), WAIT);
      await expect(args.onStepChange).toHaveBeenNthCalledWith(1, 'bank');
    });
    await heading(context, 'status');
  },
};
