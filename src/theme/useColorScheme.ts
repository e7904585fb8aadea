import { useSyncExternalStore } from 'react';
import type { ThemeSetting } from './appearance';
import type { ColorScheme } from './palette';

const DARK_QUERY = '(prefers-color-scheme: dark)';

const darkQuery = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined);

const subscribe = (onChange: () => void) => {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
};

const prefersDark = () => darkQuery()?.matches ?? false;

/** The scheme to draw in: the one asked for, or with `auto` the page's preference, followed live. */
export const useColorScheme = (theme: ThemeSetting | undefined): ColorScheme => {
  const dark = useSyncExternalStore(subscribe, prefersDark, () => false);
  if (theme === 'light' || theme === 'dark') return theme;
  return dark ? 'dark' : 'light';
};
