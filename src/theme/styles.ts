/**
 * The widget's stylesheet. Scoped to `[data-offramp-widget]` and read only through custom
 * properties, so a host can theme it and two widgets can share a page. Shipped as a string and
 * rendered by React's <style precedence>, so partners import nothing but the component. The root's
 * `data-theme` picks the palette; the host's `appearance` overrides properties on the root itself.
 * The later steps' rules (`laterStyles.ts`) download with the first of them and render as a second
 * <style precedence> after this one.
 */
import { keptLoad } from '../widget/lazy';
import { PALETTES, type Palette } from './palette';

export const STYLESHEET_ID = 'offramp-widget-styles';
export const LATER_STYLESHEET_ID = `${STYLESHEET_ID}-later`;

/**
 * The later steps' rules: downloaded with retries by those steps (see `steps/later.ts`); `loaded()`
 * once they have, and `subscribe` for a page that adopts them itself (the embed page).
 */
export const laterStylesheet = keptLoad(
  () => import('./laterStyles').then((module) => module.laterRules),
  (module) => (typeof module.laterRules === 'string' ? module.laterRules : undefined),
);

type AppearanceStyleOf = typeof import('./appearance').appearanceStyle;

/** No `appearance`, or one whose code could not be downloaded: the widget's own look. */
export const withoutAppearance: AppearanceStyleOf = () => ({});

const appearanceCode = keptLoad(
  () => import('./appearance').then((module) => module.appearanceStyle),
  (module) => (typeof module.appearanceStyle === 'function' ? (module.appearanceStyle as AppearanceStyleOf) : undefined),
);
let appearanceOrOwnLook: Promise<AppearanceStyleOf> | undefined;

/**
 * What turns the host's `appearance` into custom properties (`appearance.ts`), downloaded only by a
 * widget given one: it waits for it (and so shows in the host's look from its first frame). The
 * same promise every time; the widget's own look if it cannot be downloaded.
 */
export const appearanceStyleOf = (): AppearanceStyleOf | Promise<AppearanceStyleOf> =>
  appearanceCode.loaded() ?? (appearanceOrOwnLook ??= appearanceCode.load().catch(() => withoutAppearance));

const customProperties = (palette: Palette) =>
  Object.entries(palette)
    .map(([name, value]) => `--orw-${name}: ${value};`)
    .join('\n  ');

export const stylesheet = /* css */ `
[data-offramp-widget] {
  ${customProperties(PALETTES.light)}
  --orw-radius: 12px;
  --orw-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color-scheme: light;
  box-sizing: border-box;
  width: 100%;
  max-width: 440px;
  margin: 0 auto;
  padding: 20px;
  border: 1px solid var(--orw-color-border);
  border-radius: var(--orw-radius);
  background: var(--orw-color-surface);
  color: var(--orw-color-text);
  font-family: var(--orw-font);
  font-size: 16px;
  line-height: 1.45;
}
[data-offramp-widget][data-theme="dark"] {
  ${customProperties(PALETTES.dark)}
  color-scheme: dark;
}
[data-offramp-widget] *, [data-offramp-widget] *::before, [data-offramp-widget] *::after { box-sizing: inherit; }
[data-offramp-widget] form { display: grid; gap: 16px; margin: 0; }
[data-offramp-widget] h2 { font-size: 1.2rem; margin: 0; outline: none; }
[data-offramp-widget] .orw-progress { color: var(--orw-color-muted); font-size: 0.85rem; margin: 0 0 4px; }
[data-offramp-widget] .orw-field { display: grid; gap: 6px; min-width: 0; }
[data-offramp-widget] .orw-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 12px; }
[data-offramp-widget] label, [data-offramp-widget] legend { font-weight: 600; font-size: 0.9rem; }
[data-offramp-widget] input, [data-offramp-widget] select {
  width: 100%; min-height: 44px; padding: 10px 12px; font: inherit; color: inherit;
  border: 1px solid var(--orw-color-border); border-radius: calc(var(--orw-radius) / 1.5);
  background: var(--orw-color-surface);
}
[data-offramp-widget] input[aria-invalid="true"] { border-color: var(--orw-color-error); }
[data-offramp-widget] input:focus-visible, [data-offramp-widget] select:focus-visible,
[data-offramp-widget] button:focus-visible { outline: 3px solid var(--orw-color-primary); outline-offset: 2px; }
[data-offramp-widget] .orw-amount { font-size: 1.5rem; font-variant-numeric: tabular-nums; }
[data-offramp-widget] .orw-hint { color: var(--orw-color-muted); font-size: 0.85rem; margin: 0; }
[data-offramp-widget] .orw-error { color: var(--orw-color-error); font-size: 0.9rem; margin: 0; }
[data-offramp-widget] .orw-sides { display: flex; gap: 8px; border: 0; padding: 0; margin: 0; flex-wrap: wrap; }
[data-offramp-widget] .orw-sides legend { margin-bottom: 6px; width: 100%; }
[data-offramp-widget] .orw-sides label {
  flex: 1; display: flex; align-items: center; justify-content: center; gap: 6px; min-height: 44px;
  border: 1px solid var(--orw-color-border); border-radius: 999px; padding: 8px 12px; cursor: pointer; font-weight: 500;
}
[data-offramp-widget] .orw-sides label:has(input:checked) { border-color: var(--orw-color-primary); box-shadow: inset 0 0 0 1px var(--orw-color-primary); }
[data-offramp-widget] .orw-sides input { width: auto; min-height: 0; margin: 0; accent-color: var(--orw-color-primary); }
[data-offramp-widget] .orw-summary { display: grid; gap: 8px; margin: 0; padding: 14px; border-radius: var(--orw-radius); background: var(--orw-color-subtle); }
[data-offramp-widget] .orw-summary div { display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
[data-offramp-widget] .orw-summary dt { color: var(--orw-color-muted); }
[data-offramp-widget] .orw-summary dd { margin: 0; font-weight: 600; text-align: end; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
[data-offramp-widget] .orw-summary .orw-total { border-top: 1px solid var(--orw-color-border); padding-top: 8px; }
[data-offramp-widget] .orw-summary .orw-total dt { color: var(--orw-color-text); font-weight: 600; }
[data-offramp-widget] .orw-countdown { font-variant-numeric: tabular-nums; color: var(--orw-color-muted); margin: 0; }
[data-offramp-widget] .orw-countdown[data-expired="true"] { color: var(--orw-color-error); font-weight: 600; }
[data-offramp-widget] .orw-actions { display: flex; gap: 12px; flex-wrap: wrap-reverse; }
[data-offramp-widget] button {
  flex: 1; min-height: 44px; padding: 10px 16px; font: inherit; font-weight: 600; cursor: pointer;
  border-radius: calc(var(--orw-radius) / 1.5); border: 1px solid var(--orw-color-primary);
  background: var(--orw-color-primary); color: var(--orw-color-primary-text);
}
[data-offramp-widget] button.orw-secondary { background: transparent; color: var(--orw-color-primary); }
[data-offramp-widget] button:disabled { opacity: 0.5; cursor: not-allowed; }
[data-offramp-widget] .orw-alert { margin: 0; padding: 12px 14px; border-radius: calc(var(--orw-radius) / 1.5); background: var(--orw-color-warning-bg); color: var(--orw-color-warning); }
[data-offramp-widget] .orw-alert[data-tone="error"] { background: var(--orw-color-error-bg); color: var(--orw-color-error); }
[data-offramp-widget] .orw-footer { display: flex; gap: 16px; justify-content: center; font-size: 0.85rem; }
[data-offramp-widget] .orw-footer a, [data-offramp-widget] .orw-alert a { color: inherit; text-underline-offset: 3px; }
@media (max-width: 400px) { [data-offramp-widget] { padding: 14px; border-radius: 0; border-left: 0; border-right: 0; } }
@media (prefers-reduced-motion: no-preference) { [data-offramp-widget] button { transition: opacity 120ms; } }
`;
