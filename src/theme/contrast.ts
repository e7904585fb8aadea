/**
 * WCAG contrast between colours: what picks the text on a host's accent (`appearance.ts`), which
 * downloads only with an `appearance`, and what the tests hold the palettes to.
 */

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
