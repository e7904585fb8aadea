/**
 * The embed's wire protocol, version 1: every message between the loader on the host page and the
 * embed page in its iframe, defined once. A stable contract (README, "Embed it").
 *
 * Each message is `{ v: 1, id, type, payload }`; `id` names one embed, so two embeds on a page never
 * hear each other. The embed page says `ready`, the loader answers `configure` with the options,
 * and later `update`s change them in place. The embed's events carry no bank detail and no name.
 *
 * Dependency-free, because the loader imports it and must stay tiny. What the host sends is checked
 * on the embed side field by field (schemas.ts, typed against these types); what the embed sends is
 * checked by the loader with `readEmbedEvent` (eventCheck.ts), whose field table the compiler holds
 * to these types. Each side's check is its own module, so neither page carries the other's.
 */
import type { OrderStatus } from '../api/contract';
import type { Appearance, ThemeSetting } from '../theme/appearance';
import type { OffRampDefaultValues } from '../widget/form';
import type { OffRampStep } from '../widget/types';

export const PROTOCOL_VERSION = 1;

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const satisfies readonly ThemeSetting[];
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** The options the host sets: all of them in `configure`, any of them in `update`. */
export interface EmbedConfig {
  /** The partner proxy's base URL, absolute or relative to the embed page. */
  proxyUrl: string;
  /** BCP 47 tag; the embed page's browser language when absent. */
  locale?: string;
  /** Pre-fills the amount step. Read once, when the widget first shows. */
  defaultValues?: OffRampDefaultValues;
  /** `light`, `dark`, or `auto` (the default): the page's `prefers-color-scheme`, followed live. */
  theme?: EmbedTheme;
  /** Accent, corner radius and font, as the widget's `appearance`; each value a single CSS value. */
  appearance?: Appearance;
  /** Pay this receiver of the user instead of the user. Read once, when the widget first shows. */
  receiverId?: string;
  /** A short-lived token for the proxy, sent as `Authorization: Bearer …`; never in a URL. */
  sessionToken?: string;
}

const CONFIG_FIELDS = {
  proxyUrl: true,
  locale: true,
  defaultValues: true,
  theme: true,
  appearance: true,
  receiverId: true,
  sessionToken: true,
} as const satisfies Record<keyof EmbedConfig, true>;
export const CONFIG_KEYS = Object.keys(CONFIG_FIELDS) as (keyof EmbedConfig)[];

/** Amounts and currencies of an order, without its bank account. */
interface OrderFigures {
  orderId: string;
  cryptoAmount: number;
  tokenSymbol: string;
  blockchainSymbol: string;
  fiatAmount: number;
  fiatCurrency: string;
}

/** What each event carries. Only plain strings and numbers; never a bank detail or a name. */
export interface EmbedEventPayloads {
  /** The embed page is listening: the loader answers `configure`. */
  ready: Record<never, never>;
  step: { step: OffRampStep };
  quote: {
    quoteId: string;
    cryptoAmount: number;
    tokenSymbol: string;
    blockchainSymbol: string;
    fiatAmount: number;
    fiatCurrency: string;
    rate: number;
    expiresAt: string;
  };
  /** The order exists; the user now sends exactly `cryptoAmount` to the address before `expiresAt`. */
  submitted: OrderFigures & { destinationWalletAddress: string; expiresAt: string };
  status: { orderId: string; status: OrderStatus; previousStatus?: OrderStatus };
  complete: OrderFigures & { completedAt?: string };
  /** The order's deposit window closed with nothing received (its status became `EXPIRED`). */
  expired: { orderId: string };
  error: { code: string; status?: number; requestId?: string };
  /** The user asked to verify their identity: start the partner's KYC flow. */
  kycRequired: Record<never, never>;
  /** The embed page's content height in CSS pixels; the loader sizes the iframe to it. */
  resize: { height: number };
}
export type EmbedEventType = keyof EmbedEventPayloads;
export type EmbedEvent = { [T in EmbedEventType]: { type: T; payload: EmbedEventPayloads[T] } }[EmbedEventType];

export type HostMessageBody = { type: 'configure'; payload: EmbedConfig } | { type: 'update'; payload: Partial<EmbedConfig> };
export type Envelope<Body> = { v: typeof PROTOCOL_VERSION; id: string } & Body;
/** From the loader to the embed page. */
export type HostMessage = Envelope<HostMessageBody>;
/** From the embed page to the loader. */
export type EmbedMessage = Envelope<EmbedEvent>;

/** A new embed's id: random, so no other embed on the page (or page script) guesses it by accident. */
export const INSTANCE_ID_PATTERN = /^[0-9a-f]{16}$/;

/**
 * `value` when it is exactly an http(s) origin (`https://shop.example`, with its port if any and
 * nothing after). A wildcard, `null`, a path or anything else throws an error that says so.
 */
export function exactOrigin(value: unknown, what: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(String(value)).origin;
  } catch {
    // Not a URL at all: refused below.
  }
  if (origin === undefined || origin !== value || !/^https?:\/\//.test(origin)) {
    const why = value === '*' ? ': a wildcard would hand every page the events and the options' : '';
    throw new TypeError(`offramp-widget embed: ${what} must be an exact origin such as https://shop.example, not ${JSON.stringify(value)}${why}`);
  }
  return origin;
}
