/**
 * The embed page's run-time check of what the host sends (`configure`, `update`), with zod/mini.
 * The shapes are protocol.ts's types; test/embed/protocol.test.ts holds the two equal.
 */
import * as z from 'zod/mini';
import { BLOCKCHAIN_SYMBOLS, FIAT_CURRENCIES, type BlockchainSymbol } from '../api/chains';
import { isSafeCssValue } from '../theme/appearance';
import { EMBED_THEMES, PROTOCOL_VERSION } from './protocol';

/** An http(s) URL, absolute or relative to the embed page. */
const proxyUrl = z.string().check(
  z.maxLength(2048),
  z.refine((value) => {
    try {
      return /^https?:$/.test(new URL(value, globalThis.location?.href).protocol);
    } catch {
      return false;
    }
  }),
);

const defaultValues = z.strictObject({
  side: z.optional(z.enum(['crypto', 'fiat'])),
  amount: z.optional(z.string().check(z.maxLength(32))),
  fiatCurrency: z.optional(z.enum(FIAT_CURRENCIES)),
  blockchainSymbol: z.optional(z.enum(BLOCKCHAIN_SYMBOLS as [BlockchainSymbol, ...BlockchainSymbol[]])),
  tokenSymbol: z.optional(z.string().check(z.maxLength(16))),
});

/** A value the widget would set as its custom property (the same check as `appearance` on the widget). */
const cssValue = z.string().check(z.refine(isSafeCssValue));
const schemeColor = z.union([cssValue, z.strictObject({ light: cssValue, dark: cssValue })]);

const appearance = z.strictObject({
  accent: z.optional(schemeColor),
  accentText: z.optional(schemeColor),
  radius: z.optional(cssValue),
  font: z.optional(cssValue),
});

const optionalFields = {
  locale: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]{1,35}$/))),
  defaultValues: z.optional(defaultValues),
  theme: z.optional(z.enum(EMBED_THEMES)),
  appearance: z.optional(appearance),
  receiverId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  // RFC 6750's token68, so it can only ever be one header value.
  sessionToken: z.optional(z.string().check(z.maxLength(4096), z.regex(/^[\w.~+/-]+=*$/))),
};

export const configSchema = z.strictObject({ proxyUrl, ...optionalFields });
export const configChangesSchema = z.strictObject({ proxyUrl: z.optional(proxyUrl), ...optionalFields });

const envelope = { v: z.literal(PROTOCOL_VERSION), id: z.string() };

export const hostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...envelope, type: z.literal('configure'), payload: configSchema }),
  z.strictObject({ ...envelope, type: z.literal('update'), payload: configChangesSchema }),
]);
