import type { IdSource } from './addresses';
import type { Settings } from './options';
import type { Store } from './store';
import type { Outbox } from './webhooks';

/** What every part of one sandbox shares. `settings` is replaced whole by `configure`, so read it at use. */
export interface SandboxContext {
  now: () => number;
  settings: Settings;
  store: Store;
  ids: IdSource;
  outbox: Outbox;
}

export const isoTime = (ms: number) => new Date(ms).toISOString();
