/**
 * The widget's stylesheet. Scoped to `[data-offramp-widget]` and read only through custom
 * properties, so a host can theme it and two widgets can share a page. Shipped as a string and
 * rendered by React's <style precedence>, so partners import nothing but the component. The root's
 * `data-theme` picks the palette; the host's `appearance` overrides properties on the root itself.
 */
import { PALETTES, type Palette } from './palette';

export const STYLESHEET_ID = 'offramp-widget-styles';

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
[data-offramp-widget] .orw-choices { display: grid; gap: 8px; border: 0; padding: 0; margin: 0; }
[data-offramp-widget] .orw-choices legend { margin-bottom: 6px; }
[data-offramp-widget] .orw-choices label {
  display: flex; align-items: center; gap: 10px; min-height: 44px; padding: 8px 12px; font-weight: 500; cursor: pointer;
  border: 1px solid var(--orw-color-border); border-radius: calc(var(--orw-radius) / 1.5);
}
[data-offramp-widget] .orw-choices label:has(input:checked) { border-color: var(--orw-color-primary); box-shadow: inset 0 0 0 1px var(--orw-color-primary); }
[data-offramp-widget] .orw-choices input { width: auto; min-height: 0; margin: 0; accent-color: var(--orw-color-primary); }
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
/* A QR code scans dark on light, in either scheme. */
[data-offramp-widget] .orw-qr { display: flex; justify-content: center; padding: 12px; background: #ffffff; border-radius: var(--orw-radius); }
[data-offramp-widget] .orw-qr svg { width: min(220px, 70vw); height: auto; }
[data-offramp-widget] .orw-address { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1rem; word-spacing: 0.2em; overflow-wrap: anywhere; margin: 0; }
[data-offramp-widget] .orw-address span:first-child, [data-offramp-widget] .orw-address span:last-child { font-weight: 700; }
[data-offramp-widget] .orw-send { display: grid; gap: 12px; }
[data-offramp-widget] .orw-footer { display: flex; gap: 16px; justify-content: center; font-size: 0.85rem; }
[data-offramp-widget] .orw-footer a, [data-offramp-widget] .orw-alert a { color: inherit; text-underline-offset: 3px; }
[data-offramp-widget] .orw-subtitle { font-size: 1rem; margin: 4px 0 0; }
[data-offramp-widget] .orw-link { color: var(--orw-color-primary); font-weight: 600; text-align: center; text-underline-offset: 3px; padding: 8px; }
[data-offramp-widget] .orw-copy { flex: 1; display: grid; gap: 4px; justify-items: center; min-width: 140px; }
[data-offramp-widget] .orw-copy button { width: 100%; }
[data-offramp-widget] .orw-timeline { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
[data-offramp-widget] .orw-timeline li { position: relative; padding: 0 0 18px 32px; color: var(--orw-color-muted); }
[data-offramp-widget] .orw-timeline li::before {
  content: ""; position: absolute; left: 4px; top: 4px; width: 14px; height: 14px; border-radius: 50%;
  border: 2px solid var(--orw-color-border); background: var(--orw-color-surface);
}
[data-offramp-widget] .orw-timeline li:not(:last-child)::after {
  content: ""; position: absolute; left: 11px; top: 22px; bottom: 2px; width: 2px; background: var(--orw-color-border);
}
[data-offramp-widget] .orw-timeline li[data-state="done"] { color: var(--orw-color-text); }
[data-offramp-widget] .orw-timeline li[data-state="done"]::before { background: var(--orw-color-success); border-color: var(--orw-color-success); }
[data-offramp-widget] .orw-timeline li[data-state="now"] { color: var(--orw-color-text); font-weight: 700; }
[data-offramp-widget] .orw-timeline li[data-state="now"]::before { border-color: var(--orw-color-primary); box-shadow: 0 0 0 3px color-mix(in srgb, var(--orw-color-primary) 25%, transparent); }
[data-offramp-widget] .orw-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 400px) { [data-offramp-widget] { padding: 14px; border-radius: 0; border-left: 0; border-right: 0; } }
@media (prefers-reduced-motion: no-preference) { [data-offramp-widget] button { transition: opacity 120ms; } }
`;
