/**
 * The check a host's CSS value passes before the widget writes it into a custom property: the
 * widget's `appearance` and the embed's messages apply the same rule.
 */

/** Longer than any colour, length or font stack a site needs. */
const MAX_VALUE_LENGTH = 200;
/** What could end the declaration or reach outside it: `;` `{` `}`, escapes, markup, comments, `!important`, `url()`. */
const UNSAFE = /[;{}\\<>!\p{Cc}]|\/\*|\*\/|url\s*\(/iu;

const balanced = (value: string) => {
  let depth = 0;
  for (const character of value.replace(/"[^"]*"|'[^']*'/g, '')) {
    if (character === '"' || character === "'") return false;
    if (character === '(' || character === '[') depth += 1;
    if (character === ')' || character === ']') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
};

/** A value that stays inside its own custom property, wherever the style attribute is written. */
export const isSafeCssValue = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= MAX_VALUE_LENGTH && !UNSAFE.test(value) && balanced(value);
