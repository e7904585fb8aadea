/**
 * The loader on a host page (jsdom): the iframe it makes, whom it listens to, and what it sends.
 * The embed page's side is played by messages dispatched as if from the frame.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMBED_SANDBOX, mount, type EmbedEvent, type EmbedHandle } from '../../src/embed/loader';
import { INSTANCE_ID_PATTERN, PROTOCOL_VERSION } from '../../src/embed/protocol';

const EMBED_ORIGIN = 'https://pay.partner.example';
const URL_OF_EMBED = `${EMBED_ORIGIN}/embed.html`;

describe('mount', () => {
  let host: HTMLDivElement;
  let embed: EmbedHandle | undefined;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    embed?.unmount();
    host.remove();
  });

  /** Mounts, and returns the frame with what the loader posted to it and what it handed `onEvent`. */
  const mounted = (options: Partial<Parameters<typeof mount>[1]> = {}) => {
    const events: EmbedEvent[] = [];
    embed = mount(host, { url: URL_OF_EMBED, proxyUrl: '/offramp', locale: 'en', sessionToken: 'secret-token', onEvent: (event) => events.push(event), ...options });
    const frame = host.querySelector('iframe')!;
    const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    const fromFrame = (data: unknown, { source = frame.contentWindow as Window | null, origin = EMBED_ORIGIN } = {}) =>
      window.dispatchEvent(new MessageEvent('message', { data, source, origin }));
    const say = (type: string, payload: unknown, id = frame.name) => fromFrame({ v: PROTOCOL_VERSION, id, type, payload });
    return { frame, posted, events, fromFrame, say };
  };

  it('makes a titled, sandboxed frame whose URL carries only the version and this origin', () => {
    const { frame } = mounted();
    expect(frame.title).toBe('Sell stablecoins');
    expect(frame.getAttribute('sandbox')).toBe(EMBED_SANDBOX);
    expect(frame.getAttribute('allow')).toBe('clipboard-write');
    expect(frame.name).toMatch(INSTANCE_ID_PATTERN);
    const src = new URL(frame.src);
    expect(`${src.origin}${src.pathname}${src.search}`).toBe(URL_OF_EMBED);
    expect(Object.fromEntries(new URLSearchParams(src.hash.slice(1)))).toEqual({ v: '1', origin: location.origin });
    expect(frame.src).not.toContain('secret-token');
    expect(frame.src).not.toContain('offramp');
  });

  it('answers `ready` with the options, to the embed origin only, and hands `ready` on', () => {
    const { frame, posted, events, say } = mounted({ defaultValues: { amount: '100' }, title: 'Cash out' });
    say('ready', {});
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted).toHaveBeenCalledWith(
      { v: 1, id: frame.name, type: 'configure', payload: { proxyUrl: '/offramp', locale: 'en', sessionToken: 'secret-token', defaultValues: { amount: '100' } } },
      EMBED_ORIGIN,
    );
    expect(events).toEqual([{ type: 'ready', payload: {} }]);
  });

  it('hears only its own frame, at its origin, under its id, saying what the protocol allows', () => {
    const { frame, posted, events, fromFrame, say } = mounted();
    const other = document.createElement('iframe');
    document.body.append(other);
    const ready = { v: 1, id: frame.name, type: 'ready', payload: {} };
    fromFrame(ready, { source: other.contentWindow });
    fromFrame(ready, { source: window });
    fromFrame(ready, { origin: 'https://evil.example' });
    fromFrame(ready, { source: null });
    say('ready', {}, 'fedcba9876543210');
    say('submitted', { orderId: 'o-1', bankAccount: '014680260346007120' });
    expect(posted).not.toHaveBeenCalled();
    expect(events).toEqual([]);
    other.remove();
  });

  it('sizes the frame to the height the embed page reports', () => {
    const { frame, say } = mounted();
    say('resize', { height: 612 });
    expect(frame.style.height).toBe('612px');
    say('resize', { height: -5 });
    expect(frame.style.height).toBe('0px');
  });

  it('sends updates once the frame is ready, and the whole options again if it says ready again', () => {
    const { frame, posted, say } = mounted();
    embed!.update({ locale: 'es' });
    expect(posted).not.toHaveBeenCalled();
    say('ready', {});
    expect(posted).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'configure', payload: expect.objectContaining({ locale: 'es' }) }), EMBED_ORIGIN);
    const onEvent = vi.fn();
    embed!.update({ sessionToken: undefined, theme: 'dark', onEvent, title: 'Vender' });
    expect(posted).toHaveBeenLastCalledWith({ v: 1, id: frame.name, type: 'update', payload: { sessionToken: undefined, theme: 'dark' } }, EMBED_ORIGIN);
    expect(frame.title).toBe('Vender');
    say('step', { step: 'bank' });
    expect(onEvent).toHaveBeenCalledWith({ type: 'step', payload: { step: 'bank' } });
    say('ready', {});
    expect(posted).toHaveBeenLastCalledWith(
      { v: 1, id: frame.name, type: 'configure', payload: { proxyUrl: '/offramp', locale: 'es', sessionToken: undefined, theme: 'dark' } },
      EMBED_ORIGIN,
    );
  });

  it('gives two embeds two ids, each hearing only itself', () => {
    const first = mounted();
    const secondEvents: EmbedEvent[] = [];
    const second = mount(host, { url: URL_OF_EMBED, proxyUrl: '/offramp', onEvent: (event) => secondEvents.push(event) });
    const [, secondFrame] = host.querySelectorAll('iframe');
    expect(secondFrame!.name).not.toBe(first.frame.name);
    first.say('step', { step: 'review' });
    expect(first.events).toHaveLength(1);
    expect(secondEvents).toEqual([]);
    second.unmount();
  });

  it('removes the frame and stops listening on unmount', () => {
    const { frame, events, say } = mounted();
    embed!.unmount();
    embed = undefined;
    expect(frame.isConnected).toBe(false);
    say('step', { step: 'bank' });
    expect(events).toEqual([]);
  });

  it('refuses an embed URL that has no http(s) origin, saying so', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<p>hi</p>', 'about:blank']) {
      expect(() => mount(host, { url, proxyUrl: '/offramp' }), url).toThrow(/offramp-widget embed: the embed page's URL .* must be an exact origin/);
    }
    expect(host.querySelector('iframe')).toBeNull();
  });
});
