import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * TanStack Query hears the window's `online` and `offline` events only while something listens
 * to it: a widget mounted after the browser came back online unheard (the last widget unmounted
 * while offline) would read "offline" until the next event. The browser's own flag clears that.
 * It is trusted to say "online" only: TanStack does not read it because it can say "offline"
 * while the network works.
 */
const subscribe = (onChange: () => void) => {
  const unsubscribe = onlineManager.subscribe(onChange);
  if (!onlineManager.isOnline() && typeof navigator !== 'undefined' && navigator.onLine) onlineManager.setOnline(true);
  return unsubscribe;
};

/** Whether the browser is online, as TanStack Query sees it (it pauses requests while offline). */
export const useOnline = () => useSyncExternalStore(subscribe, () => onlineManager.isOnline(), () => true);
