/**
 * The host's say over the widget's look: a colour scheme, and a few values that match its site
 * (accent, corners, font), set as `--orw-*` custom properties on the widget's root.
 */
import { readableTextOn } from './contrast';
import { isSafeCssValue } from './cssValue';
import type { ColorScheme } from './palette';

/** `auto` follows the page's `prefers-color-scheme`. */
export type ThemeSetting = ColorScheme | 'auto';

/** One colour for both schemes, or one for each. */
export type SchemeColor = string | { light: string; dark: string };

export interface Appearance {
  /**
   * Filled buttons, links, secondary buttons' text, the focus ring and chosen options
   * (`--orw-color-primary`). It is also text on the widget's background: give it 4.5:1 there, in
   * each scheme (`{ light, dark }` sets one per scheme).
   */
  accent?: SchemeColor;
  /**
   * Text on accent-filled buttons (`--orw-color-primary-text`). Without it, a hex accent gets white
   * or near-black, whichever reads better; other notations keep the scheme's own.
   */
  accentText?: SchemeColor;
  /** Corner radius of the card (`--orw-radius`); fields and buttons take two thirds of it. */
  radius?: string;
  /** The font stack (`--orw-font`), e.g. `"Inter", system-ui, sans-serif`. */
  font?: string;
}

export const APPEARANCE_PROPERTIES = {
  accent: '--orw-color-primary',
  accentText: '--orw-color-primary-text',
  radius: '--orw-radius',
  font: '--orw-font',
} as const satisfies Record<keyof Appearance, `--orw-${string}`>;

export type AppearanceStyle = Partial<Record<(typeof APPEARANCE_PROPERTIES)[keyof Appearance], string>>;

const forScheme = (color: SchemeColor | undefined, scheme: ColorScheme): unknown =>
  color !== null && typeof color === 'object' ? color[scheme] : color;

/**
 * The custom properties for `appearance` in a colour scheme. A value that could break out of its
 * property is left out, with a warning to the developer.
 */
export const appearanceStyle = (appearance: Appearance | undefined, scheme: ColorScheme): AppearanceStyle => {
  if (!appearance) return {};
  const style: AppearanceStyle = {};
  const wanted = {
    accent: forScheme(appearance.accent, scheme),
    accentText: forScheme(appearance.accentText, scheme),
    radius: appearance.radius,
    font: appearance.font,
  };
  for (const [key, value] of Object.entries(wanted) as [keyof Appearance, unknown][]) {
    if (value === undefined) continue;
    if (isSafeCssValue(value)) style[APPEARANCE_PROPERTIES[key]] = value.trim();
    else console.warn(`offramp-widget: appearance.${key} is left out, it is not a single CSS value: ${JSON.stringify(value)}`);
  }
  const accent = style[APPEARANCE_PROPERTIES.accent];
  const accentText = accent && !style[APPEARANCE_PROPERTIES.accentText] ? readableTextOn(accent) : undefined;
  if (accentText) style[APPEARANCE_PROPERTIES.accentText] = accentText;
  return style;
};
