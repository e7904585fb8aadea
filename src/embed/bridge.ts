/**
 * The embed page's side of the protocol: whom it talks to (the exact parent origin its URL names),
 * what it accepts (`configure` and `update` from the parent window at that origin, checked field by
 * field: schemas.ts) and where its events go (to that origin only, never `*`).
 */
import { exactOrigin, INSTANCE_ID_PATTERN, PROTOCOL_VERSION, type EmbedConfig, type EmbedEvent, type EmbedMessage } from './protocol';
import { checkHostMessage } from './schemas';

export interface HostBridge {
  /** The options the host last set; undefined until `configure` arrives. */
  config: () => EmbedConfig | undefined;
  /** Calls `listener` after each accepted `configure` or `update`; returns the unsubscribe. */
  subscribe: (listener: () => void) => () => void;
  send: (event: EmbedEvent) => void;
}

/** The embed page was opened in a way the protocol does not allow; the page says why. */
export class EmbedSetupError extends Error {
  override readonly name = 'EmbedSetupError';
}

/**
 * Reads the parent's origin and the protocol version from the page's URL (`#v=1&origin=…`) and the
 * instance id from the frame's name (both set by the loader), listens, and says `ready`.
 */
export function connectToHost(frame: Window = window): HostBridge {
  const params = new URLSearchParams(frame.location.hash.slice(1));
  if (params.get('v') !== String(PROTOCOL_VERSION)) {
    throw new EmbedSetupError(`offramp-widget embed: protocol version ${JSON.stringify(params.get('v'))} is not supported; this page speaks v=${PROTOCOL_VERSION}`);
  }
  let parentOrigin: string;
  try {
    parentOrigin = exactOrigin(params.get('origin'), "the origin in the embed page's URL");
  } catch (error) {
    throw new EmbedSetupError((error as Error).message);
  }
  if (frame.parent === frame) throw new EmbedSetupError('offramp-widget embed: this page works inside an iframe made by the loader (mount)');
  // Where the browser names the page's ancestors, the claimed parent must be the real one.
  const actualParent = frame.location.ancestorOrigins?.[0];
  if (actualParent && actualParent !== 'null' && actualParent !== parentOrigin) {
    throw new EmbedSetupError(`offramp-widget embed: the URL names ${parentOrigin} as the parent, but the page is framed by ${actualParent}`);
  }
  const id = frame.name;
  if (!INSTANCE_ID_PATTERN.test(id)) throw new EmbedSetupError('offramp-widget embed: the frame has no instance id (its name); mount it with the loader');

  let config: EmbedConfig | undefined;
  const listeners = new Set<() => void>();
  frame.addEventListener('message', (event) => {
    if (event.source !== frame.parent || event.origin !== parentOrigin) return;
    const { message, problems } = checkHostMessage(event.data);
    if (!message) {
      // For the developer setting the embed up: their own message, refused, and where.
      const data: unknown = event.data;
      if (typeof data === 'object' && data !== null && (data as { id?: unknown }).id === id) {
        const fields = problems.map((path) => path || '(the message)');
        console.warn(`offramp-widget embed: a message from the host was dropped, it does not match the protocol at ${fields.join(', ')}`);
      }
      return;
    }
    if (message.id !== id) return;
    const { type, payload } = message;
    if (type === 'configure') config = payload;
    else if (config) config = { ...config, ...payload, proxyUrl: payload.proxyUrl ?? config.proxyUrl };
    else return; // An update before the configuration it changes.
    for (const listener of listeners) listener();
  });

  const send = (event: EmbedEvent) => {
    const message: EmbedMessage = { v: PROTOCOL_VERSION, id, ...event };
    frame.parent.postMessage(message, parentOrigin);
  };
  send({ type: 'ready', payload: {} });
  return {
    config: () => config,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send,
  };
}
