/**
 * The demo page: the widget against the proxy and sandbox that the dev server mounts, with the
 * controls a viewer needs to see every path (which sandbox user is signed in, how long quotes last).
 */
import { useEffect, useRef, useState } from 'react';
import type { DepositRequest } from '../api/deposit';
import { STAGING_TEST_AMOUNTS } from '../api/contract';
import { OffRampWidget } from '../widget/OffRampWidget';
import { DemoWallet, type WalletRequest } from './DemoWallet';
import { DEMO_CONTROL_PATH, DEMO_KYC_PATH, DEMO_USER_COOKIE, DEMO_WEBHOOKS_PATH, type DemoUser } from './settings';

const LIFETIMES = [
  { label: '5 min', ms: 300_000 },
  { label: '30 s', ms: 30_000 },
] as const;

const DEMO_USERS: readonly DemoUser[] = ['verified', 'saved', 'unverified'];

const readDemoUser = (): DemoUser => {
  const value = document.cookie.split('; ').find((part) => part.startsWith(`${DEMO_USER_COOKIE}=`))?.split('=')[1];
  return DEMO_USERS.find((user) => user === value) ?? 'verified';
};

export function DemoPage() {
  const [user, setUser] = useState<DemoUser>(readDemoUser);
  const [lifetimeMs, setLifetimeMs] = useState<number>(LIFETIMES[0].ms);
  const [locale, setLocale] = useState<string>(() => (navigator.language.startsWith('es') ? 'es' : 'en'));
  const [events, setEvents] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [withWallet, setWithWallet] = useState(true);
  const [walletRequest, setWalletRequest] = useState<WalletRequest | undefined>(undefined);
  const webhooks = useWebhooks();

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

  const log = (line: string) => setEvents((previous) => [line, ...previous].slice(0, 12));

  // The partner's wallet, pretended: the widget hands it the deposit and waits for a hash.
  const initiateDeposit = (deposit: DepositRequest) =>
    new Promise<{ transactionHash: string }>((resolve, reject) => setWalletRequest({ deposit, resolve, reject }));

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
          <select
            value={user}
            onChange={(event) => {
              const next = event.target.value as DemoUser;
              // Picking "KYC not done" again shows the verification again, even after it was passed.
              if (next === 'unverified') {
                void fetch(DEMO_CONTROL_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ resetKyc: true }) });
              }
              setUser(next);
            }}
          >
            <option value="verified">KYC done</option>
            <option value="saved">KYC done, saved accounts and receivers</option>
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
            <option value="es-MX">Español (México)</option>
            {/* A bare language: numbers follow the browser's region for it, else the currency's country. */}
            <option value="es">Español</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={withWallet} onChange={(event) => setWithWallet(event.target.checked)} /> A wallet is connected
        </label>
      </fieldset>
      <p style={{ color: '#5b6270', fontSize: 14 }}>
        Endings on the sandbox, as on staging: send{' '}
        {Object.entries(STAGING_TEST_AMOUNTS)
          .map(([amount, { finalStatus }]) => `${amount} → ${ENDING_NAMES[finalStatus]}`)
          .join(', ')}
        . Any other amount is paid. Each status check moves the order one step.
      </p>
      {ready && (
        <OffRampWidget
          key={`${user}-${lifetimeMs}-${withWallet}`}
          proxyUrl="/proxy"
          locale={locale}
          onQuote={(quote) => log(`quote ${quote.quoteId.slice(0, 8)}… expires ${quote.expiresAt}`)}
          onSubmitted={(order) => log(`order ${order.orderId.slice(0, 8)}… created`)}
          onStatusChange={({ status, previousStatus }) => log(`status ${previousStatus ?? '(first read)'} → ${status}`)}
          onComplete={(order) => log(`complete: ${order.fiatAmount} ${order.fiatCurrency} paid`)}
          {...(withWallet ? { onInitiateDeposit: initiateDeposit } : {})}
          pollIntervalMs={1000}
          onError={(error) => log(`error ${error.code} (${error.requestId ?? 'no request id'})`)}
          onStepChange={(step) => log(`step ${step}`)}
          onKycRequired={() => {
            log('kyc required: verification opened in a new tab');
            window.open(DEMO_KYC_PATH, '_blank', 'noopener');
          }}
        />
      )}
      {walletRequest && <DemoWallet request={walletRequest} onDone={() => setWalletRequest(undefined)} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16, marginTop: 16, fontSize: 13, color: '#5b6270' }}>
        <section aria-label="Events">
          <h2 style={{ fontSize: '1rem' }}>Events to the page</h2>
          <ol>
            {events.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </section>
        <section aria-label="Webhooks">
          <h2 style={{ fontSize: '1rem' }}>Webhooks to the partner's server (signed, checked)</h2>
          <ol>
            {webhooks.map(({ receivedAt, event }) => (
              <li key={`${receivedAt}-${event.event}-${event.transactionId ?? ''}`}>
                {event.event} {event.transactionId ? `${event.transactionId.slice(0, 8)}…` : ''}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </main>
  );
}

const ENDING_NAMES: Record<string, string> = {
  COMPLETED: 'paid',
  CANCELLED: 'cancelled (name check failed)',
  CRYPTO_NOT_RECEIVED: 'crypto not received',
};

interface ReceivedWebhook {
  receivedAt: string;
  event: { event: string; transactionId?: string };
}

/** The events the demo partner's webhook receiver has taken, read every few seconds. */
function useWebhooks(): ReceivedWebhook[] {
  const [received, setReceived] = useState<ReceivedWebhook[]>([]);
  const timer = useRef(0);
  useEffect(() => {
    let stopped = false;
    const read = async () => {
      try {
        const answer = (await (await fetch(DEMO_WEBHOOKS_PATH)).json()) as { data: ReceivedWebhook[] };
        if (!stopped) setReceived(answer.data.slice(0, 12));
      } catch {
        // The next read tries again.
      }
      if (!stopped) timer.current = window.setTimeout(read, 2000);
    };
    void read();
    return () => {
      stopped = true;
      window.clearTimeout(timer.current);
    };
  }, []);
  return received;
}
