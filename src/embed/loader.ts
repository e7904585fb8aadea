/**
 * The host page's side of the embed, for sites that do not run React: `mount(element, options)`
 * puts the embed page in an iframe and speaks the protocol (protocol.ts) with it. No dependencies;
 * its size is held to 2 KB gzipped by a test. Also built as a classic script that defines
 * `window.OffRampWidget.mount`.
 */
import { readEmbedEvent } from './eventCheck';
import { CONFIG_KEYS, exactOrigin, PROTOCOL_VERSION, type EmbedConfig, type EmbedEvent, type HostMessage, type HostMessageBody } from './protocol';

export type { EmbedConfig, EmbedEvent, EmbedEventPayloads, EmbedEventType, EmbedTheme } from './protocol';
export type { Appearance, SchemeColor } from '../theme/appearance';

export interface MountOptions extends EmbedConfig {
  /** The embed page (`https://pay.partner.example/embed.html`), served with the headers in the README. */
  url: string;
  /** The frame's accessible name. Default "Sell stablecoins". */
  title?: string;
  /** Every event of the embed, each checked before it is handed over. */
  onEvent?: (event: EmbedEvent) => void;
}

export interface EmbedHandle {
  /** Changes options in place, without a reload (`url` cannot change: mount again). */
  update: (options: Partial<Omit<MountOptions, 'url'>>) => void;
  /** Removes the iframe and stops listening. */
  unmount: () => void;
}

/**
 * All the widget needs: scripts; its own origin (its proxy's cookies, sessionStorage, and an origin
 * the host can check); and the Send step's wallet link (`ethereum:`, `solana:`). No popups, no
 * top-level navigation, no form submission.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-top-navigation-to-custom-protocols';

const configOf = (options: Partial<MountOptions>): Partial<EmbedConfig> => {
  const config: Partial<Record<keyof EmbedConfig, unknown>> = {};
  for (const key of CONFIG_KEYS) if (key in options) config[key] = options[key];
  return config as Partial<EmbedConfig>;
};

export function mount(element: HTMLElement, options: MountOptions): EmbedHandle {
  const url = new URL(options.url, location.href);
  const embedOrigin = exactOrigin(url.origin, `the embed page's URL (${options.url})`);
  const hostOrigin = exactOrigin(location.origin, "this page's origin");
  const id = [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  // The URL carries only the version and the host's origin; the options come by message.
  url.hash = new URLSearchParams({ v: String(PROTOCOL_VERSION), origin: hostOrigin }).toString();

  let config = configOf(options);
  let onEvent = options.onEvent;
  let ready = false;
  const frame = document.createElement('iframe');
  frame.name = id;
  frame.title = options.title ?? 'Sell stablecoins';
  frame.setAttribute('sandbox', EMBED_SANDBOX);
  frame.setAttribute('allow', 'clipboard-write');
  frame.style.cssText = 'display:block;width:100%;border:0;';
  frame.src = url.href;

  const post = (body: HostMessageBody) => {
    const message: HostMessage = { v: PROTOCOL_VERSION, id, ...body };
    frame.contentWindow?.postMessage(message, embedOrigin);
  };
  const listener = (message: MessageEvent) => {
    if (message.source !== frame.contentWindow || message.origin !== embedOrigin) return;
    const event = readEmbedEvent(message.data, id);
    if (!event) return;
    if (event.type === 'ready') {
      // Also after the frame reloads: it gets the options as they are now.
      ready = true;
      post({ type: 'configure', payload: config as EmbedConfig });
    }
    if (event.type === 'resize') frame.style.height = `${Math.max(0, event.payload.height)}px`;
    onEvent?.(event);
  };
  addEventListener('message', listener);
  element.append(frame);

  return {
    update(changes) {
      const payload = configOf(changes);
      config = { ...config, ...payload };
      if (changes.title) frame.title = changes.title;
      if (changes.onEvent) onEvent = changes.onEvent;
      // Before `ready`, the coming `configure` carries the changes.
      if (ready) post({ type: 'update', payload });
    },
    unmount() {
      removeEventListener('message', listener);
      frame.remove();
    },
  };
}
