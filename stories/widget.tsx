/**
 * What every story of the widget shares: a backend of its own (sandbox and proxy, built from the
 * story's `parameters.backend` before it renders), the widget rendered with that backend's
 * `fetch`, and controls for the public props.
 */
import type { Decorator, Loader, Meta, StoryContext } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { SANDBOX_FIXTURES } from '../src/sandbox';
import { OffRampWidget } from '../src/widget/OffRampWidget';
import type { OffRampWidgetProps } from '../src/widget/types';
import { createStoryBackend, STORY_PROXY_URL, type StoryBackend, type StoryBackendOptions } from './backend';

/** The story's backend, as its loader built it. */
export const backendOf = (context: Pick<StoryContext, 'loaded'>): StoryBackend => context.loaded.backend as StoryBackend;

/** A fresh sandbox and proxy for each story, seeded from `parameters.backend`. */
const loadBackend: Loader<OffRampWidgetProps> = ({ parameters }) => ({
  backend: createStoryBackend(parameters.backend as StoryBackendOptions | undefined),
});

/** Room around the widget, as on a partner's page. */
const page: Decorator<OffRampWidgetProps> = (Story) => (
  <main style={{ padding: 16 }}>
    <Story />
  </main>
);

export const sandboxedWidget = {
  component: OffRampWidget,
  loaders: [loadBackend],
  decorators: [page],
  render: (args, context) => (
    // `defaultValues` and `receiverId` are read once at mount: a new value from the controls mounts anew.
    <OffRampWidget key={JSON.stringify([args.defaultValues, args.receiverId])} {...args} fetch={backendOf(context).fetch} />
  ),
  args: {
    proxyUrl: STORY_PROXY_URL,
    locale: 'en',
    // Each story has a sandbox of its own: an order kept by another story would not exist in it.
    resume: false,
    // Following an order reads it this often; the sandbox walks one status per read.
    pollIntervalMs: 250,
    onQuote: fn(),
    onSubmitted: fn(),
    onStatusChange: fn(),
    onComplete: fn(),
    onError: fn(),
    onKycRequired: fn(),
    onStepChange: fn(),
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'en-US', 'es-MX', 'es-ES'] },
    receiverId: {
      control: 'select',
      options: ['', SANDBOX_FIXTURES.verifiedReceiverId, SANDBOX_FIXTURES.unverifiedReceiverId],
      labels: {
        '': 'none (the user is paid)',
        [SANDBOX_FIXTURES.verifiedReceiverId]: 'María López (verified)',
        [SANDBOX_FIXTURES.unverifiedReceiverId]: 'José Pérez (not verified)',
      },
    },
    chooseReceiver: { control: 'boolean' },
    pollIntervalMs: { control: { type: 'number', min: 100, step: 100 } },
    timeoutMs: { control: { type: 'number', min: 100, step: 100 } },
    // Set by the story's backend; not something to type into a control.
    fetch: { control: false },
    queryClient: { control: false },
    onInitiateDeposit: { control: false },
  },
} satisfies Meta<OffRampWidgetProps>;
