/**
 * The embed page's bridge, in a stand-in window: what its URL must say, whom it listens to, and
 * where its messages go.
 */
import { describe, expect, it, vi } from 'vitest';
import { connectToHost } from '../../src/embed/bridge';
import { PROTOCOL_VERSION } from '../../src/embed/protocol';

const PARENT_ORIGIN = 'https://shop.example';
const ID = '0123456789abcdef';

/** A frame window with its parent, as much of them as the bridge touches. */
const frameWindow = ({ hash = `#v=1&origin=${encodeURIComponent(PARENT_ORIGIN)}`, name = ID, ancestorOrigins = [PARENT_ORIGIN] as string[] | undefined, framed = true } = {}) => {
  const parent = { postMessage: vi.fn() };
  const listeners: ((event: MessageEvent) => void)[] = [];
  const frame = {
    location: { hash, ancestorOrigins },
    name,
    parent: undefined as unknown,
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
  };
  frame.parent = framed ? parent : frame;
  const deliver = (data: unknown, { source = parent as unknown, origin = PARENT_ORIGIN } = {}) => {
    for (const listener of listeners) listener({ data, source, origin } as MessageEvent);
  };
  return { window: frame as unknown as Window, parent, deliver };
};

const configure = (payload: unknown, id = ID) => ({ v: PROTOCOL_VERSION, id, type: 'configure', payload });
const update = (payload: unknown) => ({ v: PROTOCOL_VERSION, id: ID, type: 'update', payload });

describe('the embed page bridge', () => {
  it('says ready to the exact parent origin, never to *', () => {
    const { window, parent } = frameWindow();
    connectToHost(window);
    expect(parent.postMessage).toHaveBeenCalledWith({ v: 1, id: ID, type: 'ready', payload: {} }, PARENT_ORIGIN);
  });

  it('takes the configuration and updates from its parent at that origin', () => {
    const { window, deliver } = frameWindow();
    const host = connectToHost(window);
    const changed = vi.fn();
    host.subscribe(changed);
    expect(host.config()).toBeUndefined();
    deliver(update({ locale: 'es' }));
    expect(host.config()).toBeUndefined(); // nothing to update yet
    deliver(configure({ proxyUrl: '/proxy', locale: 'en', sessionToken: 'token-1' }));
    expect(host.config()).toEqual({ proxyUrl: '/proxy', locale: 'en', sessionToken: 'token-1' });
    deliver(update({ locale: 'es', sessionToken: undefined, proxyUrl: undefined }));
    expect(host.config()).toEqual({ proxyUrl: '/proxy', locale: 'es', sessionToken: undefined });
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('ignores other windows, other origins, other ids and malformed messages', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { window, deliver } = frameWindow();
    const host = connectToHost(window);
    const options = { proxyUrl: '/proxy' };
    deliver(configure(options), { source: {} });
    deliver(configure(options), { source: window });
    deliver(configure(options), { origin: 'https://evil.example' });
    deliver(configure(options), { origin: 'null' });
    deliver(configure(options, 'fedcba9876543210'));
    deliver(configure({ proxyUrl: 'javascript:alert(1)' }));
    deliver(configure({ ...options, extra: true }));
    deliver(JSON.stringify(configure(options)));
    expect(host.config()).toBeUndefined();
    // Only the host's own malformed messages (its id) are worth a word to the developer.
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'offramp-widget embed: a message from the host was dropped, it does not match the protocol at payload.proxyUrl',
      'offramp-widget embed: a message from the host was dropped, it does not match the protocol at payload',
    ]);
    warn.mockRestore();
  });

  it('takes the theme and the appearance, in the configuration and in updates', () => {
    const { window, deliver } = frameWindow();
    const host = connectToHost(window);
    const appearance = { accent: { light: '#0b57d0', dark: '#a8c7fa' }, accentText: '#ffffff', radius: '4px', font: '"Inter", system-ui, sans-serif' };
    deliver(configure({ proxyUrl: '/proxy', theme: 'auto', appearance }));
    expect(host.config()).toEqual({ proxyUrl: '/proxy', theme: 'auto', appearance });
    deliver(update({ theme: 'dark', appearance: { accent: 'rebeccapurple' } }));
    expect(host.config()).toEqual({ proxyUrl: '/proxy', theme: 'dark', appearance: { accent: 'rebeccapurple' } });
    deliver(update({ theme: undefined, appearance: undefined }));
    expect(host.config()).toEqual({ proxyUrl: '/proxy', theme: undefined, appearance: undefined });
  });

  it("drops a theme or an appearance the widget would not take, by the widget's own rules, and says where", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { window, deliver } = frameWindow();
    const host = connectToHost(window);
    deliver(configure({ proxyUrl: '/proxy', theme: 'light', appearance: { radius: '8px' } }));
    const refused: [unknown, string][] = [
      [{ theme: 'neon' }, 'payload.theme'],
      [{ theme: 'DARK' }, 'payload.theme'],
      [{ appearance: { accent: 'red; background: url(https://evil.example/x)' } }, 'payload.appearance.accent'],
      [{ appearance: { accent: { light: '#0b57d0' } } }, 'payload.appearance.accent'],
      [{ appearance: { accent: { light: '#0b57d0', dark: '#a8c7fa', sepia: '#704214' } } }, 'payload.appearance.accent'],
      [{ appearance: { accentText: '#fff !important' } }, 'payload.appearance.accentText'],
      [{ appearance: { radius: '8px}' } }, 'payload.appearance.radius'],
      [{ appearance: { radius: '' } }, 'payload.appearance.radius'],
      [{ appearance: { radius: 8 } }, 'payload.appearance.radius'],
      [{ appearance: { font: '"Inter, sans-serif' } }, 'payload.appearance.font'],
      [{ appearance: { font: 'Inter /* x */' } }, 'payload.appearance.font'],
      [{ appearance: { font: 'x'.repeat(201) } }, 'payload.appearance.font'],
      [{ appearance: { background: '#000' } }, 'payload.appearance'],
      [{ appearance: '--orw-color-primary: red' }, 'payload.appearance'],
    ];
    for (const [changes, where] of refused) {
      warn.mockClear();
      deliver(update(changes));
      expect(host.config(), JSON.stringify(changes)).toEqual({ proxyUrl: '/proxy', theme: 'light', appearance: { radius: '8px' } });
      expect(warn, JSON.stringify(changes)).toHaveBeenCalledWith(`offramp-widget embed: a message from the host was dropped, it does not match the protocol at ${where}`);
    }
    warn.mockRestore();
  });

  it('refuses to start, saying why, when its URL or frame are not what the loader makes', () => {
    const refusals: [Parameters<typeof frameWindow>[0], RegExp][] = [
      [{ hash: '#v=1&origin=*' }, /not "\*".*wildcard/],
      [{ hash: '' }, /protocol version null is not supported/],
      [{ hash: `#v=2&origin=${encodeURIComponent(PARENT_ORIGIN)}` }, /protocol version "2"/],
      [{ hash: '#v=1' }, /must be an exact origin.*not null/],
      [{ hash: '#v=1&origin=https%3A%2F%2Fshop.example%2Fcheckout' }, /must be an exact origin/],
      [{ framed: false }, /inside an iframe/],
      [{ ancestorOrigins: ['https://evil.example'] }, /names https:\/\/shop.example as the parent, but the page is framed by https:\/\/evil.example/],
      [{ name: '' }, /no instance id/],
    ];
    for (const [setup, reason] of refusals) {
      const { window, parent } = frameWindow(setup);
      expect(() => connectToHost(window), JSON.stringify(setup)).toThrow(reason);
      expect(parent.postMessage).not.toHaveBeenCalled();
    }
  });

  it('starts where the browser does not name the ancestors', () => {
    const { window, parent } = frameWindow({ ancestorOrigins: undefined });
    connectToHost(window);
    expect(parent.postMessage).toHaveBeenCalledTimes(1);
  });
});
