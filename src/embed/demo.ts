/**
 * The embed demo (embed-demo.html): a page without React mounts the embed through the loader, from
 * another origin where it can (a page on 127.0.0.1 frames localhost, and the reverse), and lists
 * the events it hears. No styles of the page's own beyond the browser's.
 */
import { mount, type EmbedEvent } from './loader';

const OTHER_LOOPBACK: Record<string, string> = { '127.0.0.1': 'localhost', localhost: '127.0.0.1' };
const embedUrl = new URL('/embed.html', location.href);
embedUrl.hostname = OTHER_LOOPBACK[location.hostname] ?? location.hostname;

const describe = (event: EmbedEvent) => `${event.type} ${JSON.stringify(event.payload)}`;
const events = document.getElementById('events')!;
const language = document.getElementById('language') as HTMLSelectElement;
document.getElementById('explain')!.textContent = `This page (${location.origin}) frames the embed page at ${embedUrl.origin}; the proxy is the embed page's own /proxy.`;

const embed = mount(document.getElementById('checkout')!, {
  url: embedUrl.href,
  proxyUrl: '/proxy',
  locale: language.value,
  onEvent: (event) => {
    if (event.type === 'resize') return;
    const line = document.createElement('li');
    line.textContent = describe(event);
    events.prepend(line);
  },
});
language.addEventListener('change', () => embed.update({ locale: language.value }));
