/**
 * The widget's timed budgets (`npm run bench`, and every `npm test`): run after every other test
 * (its project's `groupOrder`), one at a time, with the machine to itself as far as the run goes.
 * The pages are budgets.test.ts's, built by then (see partnerApp.ts).
 */
import { describe, expect, it } from 'vitest';
import { servePartner } from '../test/package/consumer';
import { measured, report } from './budgets';
import { proxyThroughput, timeToFirstInput } from './measure';
import { benchInChromium } from './partnerApp';

/** How many pairs of loads the time to first input takes the median of (after one load of each to warm up). */
const PAIRS = 7;
const CPU_SLOWDOWN = 4;

const bench = benchInChromium();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

describe('what the widget does in Chromium', () => {
  it(`time to first input at ${CPU_SLOWDOWN}× CPU, against a minimal form on the same stack`, async ({ task }) => {
    const widgetServer = await servePartner(bench.app, (await bench.page('widgetOnReact')).outDir);
    const formServer = await servePartner(bench.app, (await bench.page('formOnStack')).outDir);
    try {
      const widget: number[] = [];
      const form: number[] = [];
      // The first load of each pays for what the machine has not warmed yet (the servers' first
      // answers, files not in the disk cache): not counted.
      await timeToFirstInput(bench.browser, widgetServer.url, CPU_SLOWDOWN);
      await timeToFirstInput(bench.browser, formServer.url, CPU_SLOWDOWN);
      // In pairs, each page first in every other pair, so a busy moment of the machine falls on
      // both alike. One load at a time: two throttled pages loading side by side slow each other
      // down about twofold.
      for (let pair = 0; pair < PAIRS; pair += 1) {
        const widgetFirst = pair % 2 === 0;
        if (widgetFirst) widget.push(await timeToFirstInput(bench.browser, widgetServer.url, CPU_SLOWDOWN));
        form.push(await timeToFirstInput(bench.browser, formServer.url, CPU_SLOWDOWN));
        if (!widgetFirst) widget.push(await timeToFirstInput(bench.browser, widgetServer.url, CPU_SLOWDOWN));
      }
      // The median of each pair's ratio: a busy moment slows both loads of a pair, and cancels out.
      const ratio = median(widget.map((time, pair) => time / form[pair]!));
      const medians = `widget ${Math.round(median(widget))} ms, form ${Math.round(median(form))} ms`;
      report(task, measured('firstInput', ratio, `median of ${PAIRS} pairs' ratios; medians: ${medians}`));
    } finally {
      await widgetServer.close();
      await formServer.close();
    }
  });
});

describe('the proxy', () => {
  it('quote requests per second through the proxy, against the sandbox alone', async ({ task }) => {
    const throughput = await proxyThroughput(bench.app);
    expect(throughput.failed).toBe(0);
    report(
      task,
      measured(
        'proxyThroughput',
        throughput.proxy / throughput.sandbox,
        `${Math.round(throughput.proxy)} vs ${Math.round(throughput.sandbox)} requests/s, 16 clients, each server a Node process`,
      ),
    );
  });
});
