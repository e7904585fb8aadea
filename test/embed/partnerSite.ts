/**
 * A partner's two sites on one loopback port, for the strict-CSP test: the shop's checkout page on
 * 127.0.0.1, which mounts the embed with the classic-script loader under a policy of its own, and
 * the embed origin, localhost, serving the built embed page with the README's headers beside the
 * proxy (in front of the sandbox; users signed in by the README's session token only). A second
 * port serves the same checkout page as a site the embed page's frame-ancestors does not name.
 */
import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createOffRampProxy } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES } from '../../src/sandbox';
import { embedPageHeaders, type EmbedTokens } from './readme';

export interface PartnerSiteOptions {
  /** The app build's output: embed.html and assets/. */
  appDir: string;
  /** The classic-script loader's file. */
  loaderFile: string;
  tokens: EmbedTokens;
}

export interface PartnerSite {
  /** The shop's checkout page, on 127.0.0.1. */
  hostPageUrl: string;
  /** The same page on another port: another origin, not allowed to frame the embed. */
  otherSitePageUrl: string;
  /** The embed page, on localhost. */
  embedUrl: string;
  /** The demo page (the widget rendered by React alone), on localhost under the embed page's headers. */
  demoPageUrl: string;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>A shop's checkout page</title>
  </head>
  <body>
    <main>
      <h1>Checkout</h1>
      <div id="checkout"></div>
    </main>
    <script src="/loader.global.js"></script>
    <script src="/host.js"></script>
  </body>
</html>
`;

export async function servePartnerSite({ appDir, loaderFile, tokens }: PartnerSiteOptions): Promise<PartnerSite> {
  let port = 0;
  const hostOrigin = () => `http://127.0.0.1:${port}`;
  const embedOrigin = () => `http://localhost:${port}`;
  const sandbox = createSandbox();
  const proxy = createOffRampProxy({
    upstream: 'http://sandbox.invalid',
    fetch: sandbox.fetch,
    apiKey: SANDBOX_FIXTURES.apiKey,
    basePath: '/proxy',
    resolveUserId: tokens.userFromEmbedToken,
    logger: () => undefined,
  });

  const file = (path: string, headers: Record<string, string> = {}) =>
    new Response(readFileSync(path), { headers: { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff', ...headers } });

  const handle = async (request: Request): Promise<Response> => {
    const { pathname, host } = new URL(request.url);
    if (pathname.startsWith('/proxy/')) return proxy(request);
    if (new URL(request.url).hostname === '127.0.0.1') {
      if (pathname === '/host.html') {
        return new Response(HOST_PAGE, {
          headers: {
            'content-type': CONTENT_TYPES['.html']!,
            'content-security-policy': `script-src 'self'; frame-src ${embedOrigin()}; object-src 'none'; base-uri 'none'`,
          },
        });
      }
      if (pathname === '/host.js') {
        // As a partner's page would: a token for the signed-in user, issued with the page.
        const options = { url: `${embedOrigin()}/embed.html`, proxyUrl: '/proxy', locale: 'en', sessionToken: await tokens.issueEmbedToken(SANDBOX_FIXTURES.newUserId) };
        const script = `window.events = [];\nconst options = ${JSON.stringify(options)};\noptions.onEvent = (event) => window.events.push(event);\nwindow.embed = OffRampWidget.mount(document.getElementById('checkout'), options);\n`;
        return new Response(script, { headers: { 'content-type': CONTENT_TYPES['.js']! } });
      }
      if (pathname === '/loader.global.js') return file(loaderFile);
    }
    if (host === `localhost:${port}`) {
      // The demo page too, under the same headers: the widget as React renders it, for comparison.
      if (pathname === '/embed.html' || pathname === '/index.html') return file(join(appDir, pathname), embedPageHeaders(hostOrigin()));
      const path = normalize(join(appDir, pathname));
      if (pathname.startsWith('/assets/') && path.startsWith(join(appDir, 'assets'))) return file(path);
    }
    if (pathname === '/favicon.ico') return new Response(null, { status: 204 });
    return new Response('Not found', { status: 404 });
  };

  const listen = async () => {
    const server = serve({ fetch: handle, hostname: '127.0.0.1', port: 0 }) as Server;
    if (!server.listening) await once(server, 'listening');
    return server;
  };
  const servers = [await listen(), await listen()];
  const [shop, otherSite] = servers.map((server) => (server.address() as AddressInfo).port) as [number, number];
  port = shop;
  return {
    hostPageUrl: `${hostOrigin()}/host.html`,
    otherSitePageUrl: `http://127.0.0.1:${otherSite}/host.html`,
    embedUrl: `${embedOrigin()}/embed.html`,
    demoPageUrl: `${embedOrigin()}/index.html`,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
