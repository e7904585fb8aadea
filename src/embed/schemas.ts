/**
 * The embed page's run-time check of what the host sends (`configure`, `update`): one check per
 * field of protocol.ts's types. The compiler holds the table to the types' field names (one missing
 * or too many does not compile); each check's kind is written beside them by hand, and tested
 * (test/embed/protocol.test.ts). Written out rather than in zod:
 * the embed page checks the host's first message before the widget can show, so a schema library
 * here would be part of the page's start.
 */
import { BLOCKCHAIN_SYMBOLS, FIAT_CURRENCIES } from '../api/chains';
import type { Appearance } from '../theme/appearance';
import { isSafeCssValue } from '../theme/cssValue';
import type { OffRampDefaultValues } from '../widget/form';
import { isRecord } from '../api/fields';
import { EMBED_THEMES, PROTOCOL_VERSION, type EmbedConfig, type HostMessage } from './protocol';

/** Adds to `problems` the path of each part of `value` that does not fit (`payload.theme`; '' for the whole). */
type Check = (value: unknown, path: string, problems: string[]) => void;
type Fields<T> = { readonly [K in keyof T]-?: Check };

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
const fits =
  (test: (value: unknown) => boolean): Check =>
  (value, path, problems) => {
    if (!test(value)) problems.push(path);
  };
const text = (test: (value: string) => boolean) => fits((value) => typeof value === 'string' && test(value));
const upTo = (length: number) => text((value) => value.length <= length);
const oneOf = (values: readonly unknown[]) => fits((value) => values.includes(value));

/** Exactly these fields, each absent or undefined unless `required`; a field too many is a problem of the object. */
const object =
  <T>(fields: Fields<T>, required: readonly string[] = []): Check =>
  (value, path, problems) => {
    if (!isRecord(value)) return void problems.push(path);
    for (const [key, check] of Object.entries<Check>(fields)) {
      if (value[key] !== undefined || required.includes(key)) check(value[key], at(path, key), problems);
    }
    if (Object.keys(value).some((key) => !Object.hasOwn(fields, key))) problems.push(path);
  };

/** An http(s) URL, absolute or relative to the embed page. */
const proxyUrl = text((value) => {
  try {
    return value.length <= 2048 && /^https?:$/.test(new URL(value, globalThis.location?.href).protocol);
  } catch {
    return false;
  }
});

const defaultValues = object<OffRampDefaultValues>({
  side: oneOf(['crypto', 'fiat']),
  amount: upTo(32),
  fiatCurrency: oneOf(FIAT_CURRENCIES),
  blockchainSymbol: oneOf(BLOCKCHAIN_SYMBOLS),
  tokenSymbol: upTo(16),
});

/** A value the widget would set as its custom property (the same check as `appearance` on the widget). */
const cssValue = fits(isSafeCssValue);
const colors = object({ light: cssValue, dark: cssValue }, ['light', 'dark']);
/** One colour for both schemes, or `{ light, dark }`. */
const schemeColor: Check = (value, path, problems) => {
  const within: string[] = [];
  (isRecord(value) ? colors : cssValue)(value, path, within);
  if (within.length) problems.push(path);
};

const appearance = object<Appearance>({ accent: schemeColor, accentText: schemeColor, radius: cssValue, font: cssValue });

const configFields: Fields<EmbedConfig> = {
  proxyUrl,
  locale: text((value) => /^[A-Za-z0-9-]{1,35}$/.test(value)),
  defaultValues,
  theme: oneOf(EMBED_THEMES),
  appearance,
  receiverId: text((value) => value.length >= 1 && value.length <= 64),
  // RFC 6750's token68, so it can only ever be one header value.
  sessionToken: text((value) => value.length <= 4096 && /^[\w.~+/-]+=*$/.test(value)),
};

const payloads = { configure: object(configFields, ['proxyUrl']), update: object(configFields) };
const message = object<HostMessage>(
  { v: oneOf([PROTOCOL_VERSION]), id: text(() => true), type: oneOf(Object.keys(payloads)), payload: () => undefined },
  ['v', 'id', 'type', 'payload'],
);

/** The paths where `config` does not fit `EmbedConfig` (all of it, or any part of it when `partial`); none when it fits. */
export function configProblems(config: unknown, partial = false): string[] {
  const problems: string[] = [];
  payloads[partial ? 'update' : 'configure'](config, '', problems);
  return problems;
}

/** `data` as a host message when it is exactly one (the protocol's version, a `configure` or an `update`), else where it does not fit. */
export function checkHostMessage(data: unknown): { message: HostMessage; problems?: never } | { message?: never; problems: string[] } {
  const problems: string[] = [];
  message(data, '', problems);
  if (!problems.length) {
    const { type, payload } = data as HostMessage;
    payloads[type](payload, 'payload', problems);
  }
  return problems.length ? { problems: [...new Set(problems)] } : { message: data as HostMessage };
}
