/**
 * The embed page's entry (embed.html): the widget inside the partner's iframe, configured by the
 * host through the protocol, under a strict Content-Security-Policy (no inline script or style).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LATER_STYLESHEET_ID, laterStylesheet, STYLESHEET_ID, stylesheet } from '../theme/styles';
import { connectToHost, EmbedSetupError, type HostBridge } from './bridge';
import { EmbeddedWidget } from './EmbeddedWidget';

/** The page itself: no margin, and a root that holds its children's margins, so its height is the content's. */
const PAGE_STYLES = 'html, body { margin: 0; } #root { display: flow-root; } .orw-embed-setup { font: 14px/1.4 system-ui, sans-serif; color: #b42318; margin: 8px; }';

/**
 * The widget renders its stylesheets as React's `<style href precedence>`: inline styles, which
 * `style-src 'self'` blocks. The page adopts the same text as a constructed stylesheet (CSSOM, which
 * CSP allows), the later steps' rules added once they download, and leaves in the head an inert
 * element, of no HTML or SVG kind (so no stylesheet, nothing for CSP to check), that matches React's
 * lookup for a copy already in the document (`style[data-href~="…"]`): React then inserts none of its own.
 */
function adoptStylesheets() {
  const sheet = new CSSStyleSheet();
  const adopt = () => sheet.replaceSync(PAGE_STYLES + stylesheet + (laterStylesheet.loaded() ?? ''));
  adopt();
  laterStylesheet.subscribe(adopt);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const inert = document.createElementNS('urn:offramp-widget:inert', 'style');
  inert.setAttribute('data-href', `${STYLESHEET_ID} ${LATER_STYLESHEET_ID}`);
  document.head.append(inert);
}

/** Tells the host the content's height whenever it changes, so the iframe never scrolls inside. */
function reportHeight(content: HTMLElement, host: HostBridge) {
  let reported = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    host.send({ type: 'resize', payload: { height } });
  }).observe(content);
}

adoptStylesheets();
const root = document.getElementById('root')!;
try {
  const host = connectToHost();
  reportHeight(root, host);
  createRoot(root).render(
    <StrictMode>
      <EmbeddedWidget host={host} />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof EmbedSetupError)) throw error;
  // For the developer setting the embed up: the page shows why it refuses, and says nothing to anyone.
  const message = document.createElement('p');
  message.className = 'orw-embed-setup';
  message.textContent = error.message;
  root.append(message);
  console.error(error);
}
