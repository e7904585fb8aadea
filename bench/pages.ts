/**
 * The partner pages the budgets compare, each the `src/main.jsx` of a Vite React app. Each page
 * with the widget has a twin without it, so what the widget adds is their difference.
 */

const mount = (app: string) => `createRoot(document.getElementById('root')).render(${app});\n`;

/** What a page records for the bench: the widget's quotes as they show, and its commits. */
const RECORDERS = `window.quotesShown = [];
const onQuote = (quote) => window.quotesShown.push(quote.quoteId);
`;

/** A page that already runs React, and nothing else. */
export const reactOnly = `import { createRoot } from 'react-dom/client';

function Shop() {
  return <main><h1>Shop</h1><p>Your basket</p></main>;
}
${mount('<Shop />')}`;

/** The same page with the widget. */
export const widgetOnReact = `import { createRoot } from 'react-dom/client';
import { OffRampWidget } from 'offramp-widget';
${RECORDERS}
function Shop() {
  return <main><h1>Shop</h1><p>Your basket</p><OffRampWidget proxyUrl="/proxy" locale="en-US" onQuote={onQuote} /></main>;
}
${mount('<Shop />')}`;

/**
 * A minimal amount form on the stack the widget uses: react-hook-form with a zod schema (through
 * @hookform/resolvers, as such apps do) and TanStack Query. Also the page "that already ships
 * react-hook-form, zod and TanStack Query".
 */
const stack = (withWidget: boolean) => `import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
${withWidget ? "import { OffRampWidget } from 'offramp-widget';\n" : ''}${RECORDERS}
const queryClient = new QueryClient();
const schema = z.object({ amount: z.string().regex(/^\\d+(\\.\\d+)?$/, 'A number'), currency: z.enum(['MXN', 'EUR']) });

function AmountForm() {
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(schema), defaultValues: { amount: '', currency: 'MXN' } });
  const limits = useQuery({ queryKey: ['limits'], queryFn: async () => ({ min: 1, max: 50000 }) });
  return (
    <form noValidate onSubmit={handleSubmit(() => undefined)}>
      <label>Amount <input inputMode="decimal" {...register('amount')} /></label>
      {formState.errors.amount && <p role="alert">{formState.errors.amount.message}</p>}
      <label>Currency <select {...register('currency')}><option>MXN</option><option>EUR</option></select></label>
      {limits.data && <p>From {limits.data.min} to {limits.data.max}</p>}
      <button type="submit">Continue</button>
    </form>
  );
}

function Shop() {
  return (
    <QueryClientProvider client={queryClient}>
      <main><h1>Shop</h1><p>Your basket</p><AmountForm />${withWidget ? '<OffRampWidget proxyUrl="/proxy" locale="en-US" queryClient={queryClient} onQuote={onQuote} />' : ''}</main>
    </QueryClientProvider>
  );
}
${mount('<Shop />')}`;

export const formOnStack = stack(false);
export const widgetOnStack = stack(true);

/** The widget under React's <Profiler>, which counts its commits (with React's profiling build). */
export const profiledWidget = `import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { OffRampWidget } from 'offramp-widget';
${RECORDERS}window.widgetCommits = 0;
const countCommit = () => { window.widgetCommits += 1; };
${mount('<Profiler id="widget" onRender={countCommit}><OffRampWidget proxyUrl="/proxy" locale="en-US" onQuote={onQuote} /></Profiler>')}`;

/** Every page the bench builds, by name, with how it is built. */
export const PAGES = {
  reactOnly: { script: reactOnly },
  widgetOnReact: { script: widgetOnReact },
  formOnStack: { script: formOnStack },
  widgetOnStack: { script: widgetOnStack },
  // Unminified, so components keep their names, and React's profiling build, so <Profiler> reports.
  profiledWidget: { script: profiledWidget, options: { profiling: true, minify: false } },
} satisfies Record<string, { script: string; options?: { profiling?: boolean; minify?: boolean } }>;

export type PageName = keyof typeof PAGES;
