/**
 * A host page for the end-to-end tests (test/embed/host.html): the loader, driven by the test
 * through `window.embedHost`, one embed per slot, each slot keeping the events it heard.
 */
import { mount, type EmbedEvent, type EmbedHandle, type MountOptions } from '../../src/embed/loader';

export interface EmbedHost {
  mount: (slot: string, options: Omit<MountOptions, 'onEvent'>) => void;
  update: (slot: string, options: Parameters<EmbedHandle['update']>[0]) => void;
  events: (slot: string) => EmbedEvent[];
}

declare global {
  interface Window {
    embedHost: EmbedHost;
  }
}

const handles = new Map<string, EmbedHandle>();
const heard = new Map<string, EmbedEvent[]>();

window.embedHost = {
  mount: (slot, options) => {
    const events: EmbedEvent[] = [];
    heard.set(slot, events);
    handles.set(slot, mount(document.getElementById(slot)!, { ...options, onEvent: (event) => events.push(event) }));
  },
  update: (slot, options) => handles.get(slot)?.update(options),
  events: (slot) => heard.get(slot) ?? [],
};
