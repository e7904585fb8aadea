/**
 * What a host page hears from the iframe embed: the protocol's events (see the README's "Embed it"),
 * made from the widget's own event props exactly as the embed page makes them, listed beside the
 * widget as a host's `onEvent` would receive them. No bank detail or name is ever among them.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { widgetEventProps } from '../src/embed/events';
import type { EmbedEvent } from '../src/embed/protocol';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import { OffRampWidget } from '../src/widget/OffRampWidget';
import type { OffRampWidgetProps } from '../src/widget/types';
import type { StoryBackendOptions } from './backend';
import { backendOf, sandboxedWidget } from './widget';
import { quoted, toBank, toReview, WAIT } from './flow';

/** The widget, and the events the embed would post to its host, newest last. */
function WidgetWithEventLog(props: OffRampWidgetProps) {
  const [heard, setHeard] = useState<EmbedEvent[]>([]);
  const events = useMemo(() => widgetEventProps((event) => setHeard((before) => [...before, event])), []);
  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', alignItems: 'start' }}>
      <OffRampWidget {...props} {...events} />
      <section aria-labelledby="embed-events-title">
        <h2 id="embed-events-title" style={{ font: '600 1rem system-ui, sans-serif', margin: '0 0 8px' }}>
          Events the host page receives
        </h2>
        <ol aria-label="Events" style={{ font: '12px/1.5 ui-monospace, monospace', margin: 0, paddingLeft: 20 }}>
          {heard.map((event, index) => (
            <li key={index}>
              <strong>{event.type}</strong> {JSON.stringify(event.payload)}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

const meta = {
  ...sandboxedWidget,
  title: 'Embed/Events',
  render: (args, context) => <WidgetWithEventLog {...args} fetch={backendOf(context).fetch} />,
  args: { ...sandboxedWidget.args, defaultValues: { amount: '100' } },
  // A new seller: the bank step asks for details, which the log must never show.
  parameters: { backend: { userId: SANDBOX_FIXTURES.newUserId } satisfies StoryBackendOptions },
} satisfies Meta<OffRampWidgetProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const typesHeard = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('[aria-label="Events"] li strong')].map((type) => type.textContent);

/** A quote, then each step, as the host hears them; the bank step's details stay in the frame. */
export const ThroughTheReview: Story = {
  play: async (context) => {
    const { canvasElement, canvas, userEvent } = context;
    await quoted(context);
    await waitFor(() => expect(typesHeard(canvasElement)).toContain('quote'), WAIT);
    await toBank(context);
    await userEvent.type(await canvas.findByLabelText('CLABE'), SANDBOX_FIXTURES.clabe);
    await toReview(context);
    await waitFor(() => expect(typesHeard(canvasElement).filter((type) => type === 'step')).toHaveLength(2), WAIT);
    const log = canvas.getByRole('list', { name: 'Events' }).textContent ?? '';
    await expect(log).toContain('"step":"review"');
    await expect(log).not.toContain(SANDBOX_FIXTURES.clabe);
    await expect(log).not.toContain('7120');
  },
};
