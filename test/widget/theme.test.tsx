/**
 * The colour scheme (the page's preference, or the host's choice) and the host's appearance, on the
 * widget's root; and the palettes' contrast.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/en';
import { contrastRatio, isSafeCssValue, PALETTES, stylesheet, type ColorScheme, type PaletteColor } from '../../src/theme';
import { renderWidget } from './harness';

/** `matchMedia` as a browser answers it, with the page preferring dark or not, and able to change. */
const preferDark = (dark: boolean) => {
  const listeners = new Set<() => void>();
  const query = {
    media: '(prefers-color-scheme: dark)',
    matches: dark,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  const matchMedia = vi.fn((media: string) => (media === query.media ? query : { ...query, matches: false }));
  Object.defineProperty(window, 'matchMedia', { configurable: true, writable: true, value: matchMedia });
  return {
    change: (next: boolean) =>
      act(() => {
        query.matches = next;
        listeners.forEach((listener) => listener());
      }),
  };
};

afterEach(() => {
  Reflect.deleteProperty(window, 'matchMedia');
  vi.restoreAllMocks();
});

const widgetRoot = async () => {
  await screen.findByLabelText(en['amount.label']);
  return document.querySelector<HTMLElement>('[data-offramp-widget]')!;
};

describe('the colour scheme', () => {
  it('is dark where the page prefers it, and follows the preference as it changes', async () => {
    const preference = preferDark(true);
    renderWidget();
    const root = await widgetRoot();
    expect(root).toHaveAttribute('data-theme', 'dark');
    preference.change(false);
    expect(root).toHaveAttribute('data-theme', 'light');
  });

  it('is light where the browser cannot say', async () => {
    renderWidget();
    expect(await widgetRoot()).toHaveAttribute('data-theme', 'light');
  });

  it.each([
    ['light', true],
    ['dark', false],
  ] as const)('is %s when the host says so, whatever the page prefers', async (theme, dark) => {
    preferDark(dark);
    renderWidget({ theme });
    expect(await widgetRoot()).toHaveAttribute('data-theme', theme);
  });

  it('has its dark palette in the stylesheet, picked by the root’s data-theme', () => {
    const dark = stylesheet.slice(stylesheet.indexOf('[data-offramp-widget][data-theme="dark"] {'));
    for (const [name, value] of Object.entries(PALETTES.dark)) expect(dark).toContain(`--orw-${name}: ${value};`);
  });
});

describe('the host’s appearance', () => {
  it('sets the custom properties on the root only', async () => {
    renderWidget({ appearance: { accent: '#e4007c', accentText: '#ffffff', radius: '4px', font: '"Inter", system-ui, sans-serif' } });
    const root = await widgetRoot();
    expect(root.style.getPropertyValue('--orw-color-primary')).toBe('#e4007c');
    expect(root.style.getPropertyValue('--orw-color-primary-text')).toBe('#ffffff');
    expect(root.style.getPropertyValue('--orw-radius')).toBe('4px');
    expect(root.style.getPropertyValue('--orw-font')).toBe('"Inter", system-ui, sans-serif');
    expect(root.querySelectorAll('[style*="--orw"]')).toHaveLength(0);
  });

  it('takes a colour per scheme, and gives a hex accent readable text', async () => {
    preferDark(true);
    renderWidget({ appearance: { accent: { light: '#0b3d91', dark: '#ffd000' } } });
    const root = await widgetRoot();
    expect(root.style.getPropertyValue('--orw-color-primary')).toBe('#ffd000');
    expect(root.style.getPropertyValue('--orw-color-primary-text')).toBe('#0b1220');
  });

  it('leaves out a value that could break out of its property, and tells the developer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderWidget({
      appearance: {
        accent: 'red; background: url(https://tracker.example/)',
        accentText: 'white /* ',
        radius: '4px} [data-offramp-widget] { display: none',
        font: '"Inter',
      },
    });
    const root = await widgetRoot();
    expect(root.getAttribute('style') ?? '').not.toContain('--orw');
    expect(warn.mock.calls.map(([message]) => String(message).split(' is left out')[0])).toEqual(
      expect.arrayContaining(['offramp-widget: appearance.accent', 'offramp-widget: appearance.accentText', 'offramp-widget: appearance.radius', 'offramp-widget: appearance.font']),
    );
  });

  it.each(['#e4007c', 'rgb(228 0 124 / 90%)', 'var(--brand-color)', 'calc(8px + 0.25rem)', '"Segoe UI", Roboto, sans-serif', "'Inter'"])(
    'takes %s',
    (value) => expect(isSafeCssValue(value)).toBe(true),
  );

  it.each([
    'red;',
    'red} body {',
    '{',
    'red\\3b',
    'red /* comment',
    'url(https://tracker.example/)',
    'red !important',
    '"unclosed',
    'calc(1px + 2px',
    'a)b(',
    '</style>',
    'red\nblue',
    '',
    'x'.repeat(201),
  ])('refuses %j', (value) => expect(isSafeCssValue(value)).toBe(false));
});

describe('the palettes’ contrast (WCAG AA)', () => {
  /** Text colours on the backgrounds they are drawn on: 4.5:1 each. */
  const TEXT_ON: [PaletteColor, PaletteColor][] = [
    ['color-text', 'color-surface'],
    ['color-text', 'color-subtle'],
    ['color-muted', 'color-surface'],
    ['color-muted', 'color-subtle'],
    ['color-error', 'color-surface'],
    ['color-error', 'color-error-bg'],
    ['color-warning', 'color-warning-bg'],
    ['color-primary-text', 'color-primary'],
    // Links and secondary buttons are accent text on the background.
    ['color-primary', 'color-surface'],
  ];

  it.each((['light', 'dark'] as ColorScheme[]).flatMap((scheme) => TEXT_ON.map(([text, background]) => [scheme, text, background] as const)))(
    '%s: %s on %s reads at 4.5:1 or more',
    (scheme, text, background) => {
      expect(contrastRatio(PALETTES[scheme][text], PALETTES[scheme][background])).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('draws the dark scheme’s field borders and done steps at 3:1 or more', () => {
    expect(contrastRatio(PALETTES.dark['color-border'], PALETTES.dark['color-surface'])).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(PALETTES.dark['color-success'], PALETTES.dark['color-surface'])).toBeGreaterThanOrEqual(3);
  });
});
