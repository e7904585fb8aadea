/**
 * The widget as the embed page shows it: its options are the host's last `configure` and
 * `update`s, and its events go back to the host through the bridge.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { resolveLocale } from '../i18n';
import { OffRampWidget } from '../widget/OffRampWidget';
import type { HostBridge } from './bridge';
import { widgetEventProps } from './events';

export function EmbeddedWidget({ host }: { host: HostBridge }) {
  const config = useSyncExternalStore(host.subscribe, host.config);
  const events = useMemo(() => widgetEventProps(host.send), [host]);
  const locale = config?.locale;
  useEffect(() => {
    // The frame is a document of its own: screen readers take its language from <html lang>.
    document.documentElement.lang = resolveLocale(locale);
  }, [locale]);
  if (!config) return null;
  const { proxyUrl, defaultValues, theme, appearance, receiverId, sessionToken } = config;
  return (
    <OffRampWidget
      proxyUrl={proxyUrl}
      locale={locale}
      theme={theme}
      appearance={appearance}
      defaultValues={defaultValues}
      receiverId={receiverId}
      headers={sessionToken ? { authorization: `Bearer ${sessionToken}` } : undefined}
      {...events}
    />
  );
}
