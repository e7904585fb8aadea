/**
 * The form's schema, with zod: downloaded when a field is first checked (see `OffRampWidget`), not
 * at start. By then the first quote has usually brought zod with the API's schemas.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import * as z from 'zod/mini';
import { BLOCKCHAIN_SYMBOLS, FIAT_CURRENCIES, isSupportedPair, type BlockchainSymbol } from '../api/chains';
import { bankProblems, loadedRail, railFor, type FieldProblem } from '../countries';
import { checkAmount, encodeProblem, usesSavedAccount, type NumberSeparators, type OffRampFormValues } from './form';

/** The form's schema for a locale's way of writing numbers. */
export const formSchemaFor = (separators: NumberSeparators) => z
  .object({
    side: z.enum(['crypto', 'fiat']),
    amount: z.string(),
    fiatCurrency: z.enum(FIAT_CURRENCIES),
    blockchainSymbol: z.enum(BLOCKCHAIN_SYMBOLS as [BlockchainSymbol, ...BlockchainSymbol[]]),
    tokenSymbol: z.string(),
    // A field not yet shown has no value: the rail's own checks say what is missing.
    bank: z.record(z.string(), z.record(z.string(), z.catch(z.string(), ''))),
    savedAccount: z.record(z.string(), z.catch(z.string(), '')),
    receiverId: z.catch(z.string(), ''),
  })
  .check(
    z.superRefine((values, ctx) => {
      const report = (path: (string | number)[], problem: FieldProblem | undefined) => {
        if (problem) ctx.addIssue({ code: 'custom', path, message: encodeProblem(problem), input: values });
      };
      report(['amount'], checkAmount(values, separators));
      if (!isSupportedPair(values.blockchainSymbol, values.tokenSymbol)) {
        report(['tokenSymbol'], { key: 'validation.token.unavailable' });
      }
      // Bank fields are checked once their rail has loaded, which the bank step waits for.
      const entry = railFor(values.fiatCurrency);
      const rail = entry && loadedRail(entry.id);
      if (!entry || !rail || usesSavedAccount(values, entry.id)) return;
      for (const [name, problem] of Object.entries(bankProblems(rail, values.bank[entry.id] ?? {}))) {
        report(['bank', entry.id, name], problem);
      }
    }),
  );

/** The form's resolver for a locale's way of writing numbers. */
export const formResolverFor = (separators: NumberSeparators): Resolver<OffRampFormValues> => zodResolver(formSchemaFor(separators));
