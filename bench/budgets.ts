/**
 * The widget's budgets, and the table `npm run bench` prints (the README carries a copy).
 *
 * A budget the widget does not meet yet has a ceiling: today's figure with a little room, which the
 * bench enforces instead, so the gap cannot grow while it is being closed. Lower a ceiling when
 * the widget improves; remove it once the budget holds.
 */
import { expect, type TaskMeta } from 'vitest';
import type { Share } from './measure';

export const KB = 1000;

declare module 'vitest' {
  interface TaskMeta {
    /** What a bench test measured, for the table (reporter.ts). */
    budgets?: Measured[];
    /** The widget's own code in the initial JS, by source file, for the table's second part. */
    ownCode?: Share[];
  }
}

export interface Budget {
  metric: string;
  /** How a value is written: `KB`, `×`, or a plain `count`. */
  unit: 'KB' | '×' | 'count';
  /** The budget. */
  limit: number;
  /** `max`: the value must stay at or under the limit; `min`: at or over it. */
  direction: 'max' | 'min';
  /** Enforced while the budget is not met yet (see above). */
  ceiling?: number;
}

export const BUDGETS = {
  initialOverReact: { metric: 'Initial JS over a React-only app', unit: 'KB', limit: 40, direction: 'max' },
  initialOverStack: { metric: 'Initial JS over an app that ships react-hook-form, zod and TanStack Query', unit: 'KB', limit: 15, direction: 'max' },
  lazyAtMount: { metric: 'JS fetched at mount beyond the initial JS', unit: 'KB', limit: 5, direction: 'max' },
  // Wall time on a shared machine: the same code measures 0.93× to 1.25× from one run to the next,
  // and up to 1.47× with two CPU-bound processes beside the run (CI shares its machine).
  firstInput: { metric: 'Time to first input at 4× CPU, vs a minimal form on the same stack', unit: '×', limit: 1.1, direction: 'max', ceiling: 2 },
  rendersPerKey: { metric: 'Components rendered per keystroke (6-character amount; the amount field alone)', unit: 'count', limit: 1, direction: 'max' },
  commitsPerKey: { metric: 'Widget commits per keystroke (React Profiler)', unit: 'count', limit: 1, direction: 'max' },
  quoteRequests: { metric: 'Quote requests per typed amount', unit: 'count', limit: 1, direction: 'max' },
  loader: { metric: 'Iframe loader (largest of loader.js, loader.global.js)', unit: 'KB', limit: 2, direction: 'max' },
  embedPage: { metric: 'Embed page (embed.html), JS at start', unit: 'KB', limit: 110, direction: 'max' },
  heapRenewals: { metric: 'JS heap growth over 60 quote renewals (the page\'s own data)', unit: 'KB', limit: 100, direction: 'max' },
  heapRoundTrips: { metric: 'JS heap growth over 60 step round trips, amount → bank → amount (the page\'s own data)', unit: 'KB', limit: 100, direction: 'max' },
  // A floor that catches a proxy grown twice as slow, not the noise of a machine shared with other work.
  proxyThroughput: { metric: 'Quote requests/s through the proxy, vs the sandbox alone', unit: '×', limit: 0.1, direction: 'min' },
} as const satisfies Record<string, Budget>;

export type BudgetKey = keyof typeof BUDGETS;

export type Status = 'meets' | 'gap' | 'over' | 'not built';

export interface Measured {
  key: BudgetKey;
  /** In the budget's unit; undefined when there is nothing to measure yet. */
  value: number | undefined;
  /** What the figure is made of, in words. */
  detail?: string;
}

const meets = (budget: Budget, value: number, limit: number) => (budget.direction === 'max' ? value <= limit : value >= limit);

export const statusOf = ({ key, value }: Measured): Status => {
  const budget: Budget = BUDGETS[key];
  if (value === undefined) return 'not built';
  if (meets(budget, value, budget.limit)) return 'meets';
  return budget.ceiling !== undefined && meets(budget, value, budget.ceiling) ? 'gap' : 'over';
};

const figure = (value: number, unit: Budget['unit']) =>
  unit === 'KB' ? `${value.toFixed(1)} KB` : unit === '×' ? `${value.toFixed(2)}×` : `${Number.isInteger(value) ? value : value.toFixed(1)}`;

const STATUS_WORDS: Record<Status, string> = {
  meets: 'meets it',
  gap: 'gap: ceiling enforced',
  over: '**over budget**',
  'not built': 'not built yet',
};

/** The results as a Markdown table, in the budgets' order. */
export function table(results: readonly Measured[]): string {
  const rows = (Object.keys(BUDGETS) as BudgetKey[]).flatMap((key) => {
    const result = results.find((entry) => entry.key === key);
    if (!result) return [];
    const budget: Budget = BUDGETS[key];
    const limit = `${budget.direction === 'max' ? '≤' : '≥'} ${figure(budget.limit, budget.unit)}${budget.ceiling !== undefined ? ` (ceiling ${figure(budget.ceiling, budget.unit)})` : ''}`;
    const value = result.value === undefined ? '–' : figure(result.value, budget.unit);
    return [`| ${budget.metric} | ${limit} | ${value} | ${STATUS_WORDS[statusOf(result)]} | ${result.detail ?? ''} |`];
  });
  return ['| what | budget | measured | status | made of |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Records what a test measured for the table, then fails the test if one breaks its budget (or, for a known gap, its ceiling). */
export function report(task: { meta: TaskMeta }, ...measures: Measured[]): void {
  task.meta.budgets = [...(task.meta.budgets ?? []), ...measures];
  for (const result of measures) expect(statusOf(result), `${BUDGETS[result.key].metric}: ${result.value}`).not.toBe('over');
}

export const measured = (key: BudgetKey, value: number | undefined, detail?: string): Measured => ({ key, value, ...(detail ? { detail } : {}) });

/** The widget's own code by source file, as a Markdown table of the largest twelve and the rest. */
export function ownCodeTable(ownCode: readonly Share[]): string {
  const rows = ownCode.slice(0, 12).map((share) => `| \`${share.part}\` | ${(share.bytes / KB).toFixed(1)} |`);
  const rest = ownCode.slice(12).reduce((sum, share) => sum + share.bytes, 0);
  return [
    "The widget's own code in the initial JS, by source file (each minified and gzipped alone):",
    '',
    '| file | KB |',
    '|---|---|',
    ...rows,
    `| ${ownCode.length - 12} other files | ${(rest / KB).toFixed(1)} |`,
  ].join('\n');
}
