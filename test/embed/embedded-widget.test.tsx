/**
 * The embed page's widget takes the host's theme and appearance, and a later `update` changes them
 * in place.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostBridge } from '../../src/embed/bridge';
import { EmbeddedWidget } from '../../src/embed/EmbeddedWidget';
import type { EmbedConfig } from '../../src/embed/protocol';

/** A bridge whose host has sent `config`; `change` stands for a later `update`. */
const hostWith = (config: EmbedConfig) => {
  let current = config;
  const listeners = new Set<() => void>();
  const host: HostBridge = {
    config: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send: () => undefined,
  };
  const change = (changes: Partial<EmbedConfig>) =>
    act(() => {
      current = { ...current, ...changes };
      for (const listener of listeners) listener();
    });
  return { host, change };
};

describe('the embedded widget', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("draws in the host's theme, with its appearance, and follows an update", async () => {
    // Nothing here is about the proxy: its requests wait forever.
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    const { host, change } = hostWith({
      proxyUrl: 'https://partner.example/proxy',
      locale: 'en',
      theme: 'light',
      appearance: { accent: { light: '#0b57d0', dark: '#a8c7fa' }, radius: '4px', font: 'Georgia, serif' },
    });
    const { container } = render(<EmbeddedWidget host={host} />);
    await screen.findByLabelText('Amount');
    const root = container.querySelector<HTMLElement>('[data-offramp-widget]')!;
    expect(root.dataset.theme).toBe('light');
    expect(root.style.getPropertyValue('--orw-color-primary')).toBe('#0b57d0');
    expect(root.style.getPropertyValue('--orw-radius')).toBe('4px');
    expect(root.style.getPropertyValue('--orw-font')).toBe('Georgia, serif');

    change({ theme: 'dark' });
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--orw-color-primary')).toBe('#a8c7fa');

    change({ appearance: undefined });
    expect(root.style.getPropertyValue('--orw-color-primary')).toBe('');
    expect(root.style.getPropertyValue('--orw-radius')).toBe('');
  });
});
