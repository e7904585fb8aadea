/**
 * Prints the bench's table once every file has run: each budget test records what it measured in
 * its task's meta (`report` in budgets.ts), wherever and whenever it ran.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { ownCodeTable, table, type Measured } from './budgets';
import type { Share } from './measure';

export default class BudgetTable implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests = testModules.flatMap((module) => [...module.children.allTests()]);
    const results: Measured[] = tests.flatMap((test) => test.meta().budgets ?? []);
    if (results.length === 0) return;
    const ownCode: Share[] = tests.flatMap((test) => test.meta().ownCode ?? []);
    console.log(`\n${table(results)}\n${ownCode.length ? `\n${ownCodeTable(ownCode)}\n` : ''}`);
  }
}
