/**
 * The widget's colours, one palette per colour scheme, as the `--orw-color-*` custom properties.
 * Each text colour reads at 4.5:1 or more on the backgrounds it is used on (WCAG AA), in both
 * schemes; field borders at 3:1 in the dark one.
 */
export type ColorScheme = 'light' | 'dark';

const light = {
  'color-primary': '#2f5bea',
  'color-primary-text': '#ffffff',
  'color-text': '#16181d',
  'color-muted': '#5b6270',
  'color-border': '#cfd4dc',
  'color-surface': '#ffffff',
  'color-subtle': '#f3f5f8',
  'color-error': '#b42318',
  'color-error-bg': '#fef3f2',
  'color-warning-bg': '#fff4e5',
  'color-warning': '#7a3e00',
  'color-success': '#067647',
};

export type PaletteColor = keyof typeof light;
export type Palette = Record<PaletteColor, string>;

export const PALETTES: Record<ColorScheme, Palette> = {
  light,
  dark: {
    // Light text and a light accent on near-black: the accent is also link text, so it must read there.
    'color-primary': '#8ab4ff',
    'color-primary-text': '#0b1220',
    'color-text': '#eceef2',
    'color-muted': '#a7afbd',
    'color-border': '#646c7c',
    'color-surface': '#17191e',
    'color-subtle': '#22262e',
    'color-error': '#ff9d94',
    'color-error-bg': '#3a1a18',
    'color-warning-bg': '#3a2a12',
    'color-warning': '#ffcf8f',
    'color-success': '#5bd69a',
  },
};

/** `#rgb` or `#rrggbb` as red, green and blue from 0 to 1; undefined for any other notation. */
const channels = (color: string): [number, number, number] | undefined => {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
};

/** WCAG 2 relative luminance. */
const luminance = ([red, green, blue]: [number, number, number]) => {
  const linear = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
};

/** WCAG 2 contrast ratio of two hex colours (1 to 21); undefined when either is not hex. */
export const contrastRatio = (first: string, second: string): number | undefined => {
  const [a, b] = [channels(first), channels(second)];
  if (!a || !b) return undefined;
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
};

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#0b1220';

/** White or near-black, whichever reads better on a hex background; undefined for other notations. */
export const readableTextOn = (background: string): string | undefined => {
  const onLight = contrastRatio(DARK_TEXT, background);
  const onDark = contrastRatio(LIGHT_TEXT, background);
  if (onLight === undefined || onDark === undefined) return undefined;
  return onLight >= onDark ? DARK_TEXT : LIGHT_TEXT;
};
