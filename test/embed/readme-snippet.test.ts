/**
 * The README's copy-paste snippet for a plain HTML page, run as a page would run it (jsdom), with
 * the real loader as `window.OffRampWidget`: the options it mounts with pass the embed page's own
 * check, and its event handler reads the `submitted` event the protocol defines.
 */
import { runInThisContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as loader from '../../src/embed/loader';
import { checkHostMessage } from '../../src/embed/schemas';
import { readmeBlock } from './readme';

describe("the README's embed snippet", () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('mounts the embed with options the embed page accepts, and reads the submitted order', () => {
    const snippet = readmeBlock('snippet');
    const template = document.createElement('template');
    template.innerHTML = snippet;
    const [loaderScript, pageScript] = template.content.querySelectorAll('script');
    expect(loaderScript?.src).toMatch(/\/loader\.global\.js$/);
    document.body.append(...[...template.content.children].filter((element) => element.tagName !== 'SCRIPT'));
    Object.assign(window, { OffRampWidget: { mount: loader.mount } });
    // As the page's classic script: in the global scope, where the page's `document` is.
    runInThisContext(pageScript!.textContent!);

    const frame = document.querySelector('iframe')!;
    const embedOrigin = new URL(frame.src).origin;
    const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    const fromFrame = (type: string, payload: unknown) =>
      window.dispatchEvent(new MessageEvent('message', { data: { v: 1, id: frame.name, type, payload }, source: frame.contentWindow, origin: embedOrigin }));

    fromFrame('ready', {});
    const [configure, targetOrigin] = posted.mock.calls[0]!;
    expect(targetOrigin).toBe(embedOrigin);
    expect(checkHostMessage(configure).problems).toBeUndefined();

    const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const address = '0x52908400098527886E0F7030069857D2E4169EE7';
    fromFrame('submitted', { orderId: 'o-1', destinationWalletAddress: address, cryptoAmount: 100, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatAmount: 1791, fiatCurrency: 'MXN', expiresAt: '2030-01-01T00:00:00Z' });
    expect(logged).toHaveBeenCalledWith('order', 'o-1', 'send to', address);
  });
});
