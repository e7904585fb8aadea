/**
 * The stylesheet's rules for the steps after the amount (bank choices, the deposit address and its
 * QR code, the order's timeline), downloaded with the first of those steps (`laterStylesheet`
 * in `styles.ts`): the first screen carries only its own rules.
 */
export const laterRules = /* css */ `
[data-offramp-widget] .orw-choices { display: grid; gap: 8px; border: 0; padding: 0; margin: 0; }
[data-offramp-widget] .orw-choices legend { margin-bottom: 6px; }
[data-offramp-widget] .orw-choices label {
  display: flex; align-items: center; gap: 10px; min-height: 44px; padding: 8px 12px; font-weight: 500; cursor: pointer;
  border: 1px solid var(--orw-color-border); border-radius: calc(var(--orw-radius) / 1.5);
}
[data-offramp-widget] .orw-choices label:has(input:checked) { border-color: var(--orw-color-primary); box-shadow: inset 0 0 0 1px var(--orw-color-primary); }
[data-offramp-widget] .orw-choices input { width: auto; min-height: 0; margin: 0; accent-color: var(--orw-color-primary); }
/* A QR code scans dark on light, in either scheme. */
[data-offramp-widget] .orw-qr { display: flex; justify-content: center; padding: 12px; background: #ffffff; border-radius: var(--orw-radius); }
[data-offramp-widget] .orw-qr svg { width: min(220px, 70vw); height: auto; }
[data-offramp-widget] .orw-address { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1rem; word-spacing: 0.2em; overflow-wrap: anywhere; margin: 0; }
[data-offramp-widget] .orw-address span:first-child, [data-offramp-widget] .orw-address span:last-child { font-weight: 700; }
[data-offramp-widget] .orw-send { display: grid; gap: 12px; }
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
`;
