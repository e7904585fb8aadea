/**
 * The demo page: the widget against the proxy and sandbox that the dev server mounts, with the
 * controls a viewer needs to see every path (which sandbox user is signed in, how long quotes last).
 */
import { useEffect, useState } from 'react';
import { OffRampWidget } from '../widget/OffRampWidget';
import { DEMO_CONTROL_PATH, DEMO_USER_COOKIE, type DemoUser } from './settings';

const LIFETIMES = [
  { label: '5 min', ms: 300_000 },
  { label: '30 s', ms: 30_000 },
] as const;

const readDemoUser = (): DemoUser =>
  document.cookie.split('; ').some((part) => part === `${DEMO_USER_COOKIE}=unverified`) ? 'unverified' : 'verified';

export function DemoPage() {
  const [user, setUser] = useState<DemoUser>(readDemoUser);
  const [lifetimeMs, setLifetimeMs] = useState<number>(LIFETIMES[0].ms);
  const [locale, setLocale] = useState<string>(() => (navigator.language.startsWith('es') ? 'es' : 'en'));
  const [events, setEvents] = useState<string[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    // The session cookie stands in for the partner's own sign-in: the proxy reads the user from it.
    document.cookie = `${DEMO_USER_COOKIE}=${user}; path=/; SameSite=Strict`;
  }, [user]);

  useEffect(() => {
    // The sandbox is an external system: the widget waits until it has the new lifetime.
    // oxlint-disable-next-line react/set-state-in-effect
    setReady(false);
    void fetch(DEMO_CONTROL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quoteLifetimeMs: lifetimeMs }),
    }).finally(() => setReady(true));
  }, [lifetimeMs]);

  const log = (line: string) => setEvents((previous) => [line, ...previous].slice(0, 8));

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '16px', maxWidth: 960, margin: '0 auto' }}>
      <h1 style={{ fontSize: '1.4rem' }}>offramp-widget demo</h1>
      <p style={{ color: '#5b6270', marginTop: 0 }}>
        The widget below talks over HTTP to a partner proxy, which forwards to the built-in sandbox.
      </p>
      <fieldset style={{ display: 'flex', flexWrap: 'wrap', gap: 16, border: '1px solid #cfd4dc', borderRadius: 8, marginBottom: 16 }}>
        <legend>Demo settings</legend>
        <label>
          Signed-in user{' '}
          <select value={user} onChange={(event) => setUser(event.target.value as DemoUser)}>
            <option value="verified">KYC done</option>
            <option value="unverified">KYC not done</option>
          </select>
        </label>
        <label>
          Quote lifetime{' '}
          <select value={lifetimeMs} onChange={(event) => setLifetimeMs(Number(event.target.value))}>
            {LIFETIMES.map((lifetime) => (
              <option key={lifetime.ms} value={lifetime.ms}>
                {lifetime.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language{' '}
          <select value={locale} onChange={(event) => setLocale(event.target.value)}>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </label>
      </fieldset>
      {ready && (
        <OffRampWidget
          key={`${user}-${lifetimeMs}`}
          proxyUrl="/proxy"
          locale={locale}
          onQuote={(quote) => log(`quote ${quote.quoteId.slice(0, 8)}… expires ${quote.expiresAt}`)}
          onSubmitted={(order) => log(`order ${order.orderId.slice(0, 8)}… created`)}
          onError={(error) => log(`error ${error.code} (${error.requestId ?? 'no request id'})`)}
          onStepChange={(step) => log(`step ${step}`)}
        />
      )}
      <section aria-label="Events" style={{ marginTop: 16, fontSize: 13, color: '#5b6270' }}>
        <h2 style={{ fontSize: '1rem' }}>Events</h2>
        <ol>
          {events.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
