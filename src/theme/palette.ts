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
