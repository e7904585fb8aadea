/** The paging and sorting query every list endpoint shares (`skip`, `limit` 1–100, `sortBy`, `sortOrder`). */
import * as z from 'zod/mini';
import { API_ERRORS } from '../api/errors';
import { fail } from './failure';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const wholeNumber = (min: number, max: number) =>
  z.optional(z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)).check(z.gte(min), z.lte(max)));

const pageQuerySchema = z.object({
  skip: wholeNumber(0, Number.MAX_SAFE_INTEGER),
  limit: wholeNumber(1, MAX_LIMIT),
  // One page of the docs writes ASC/DESC; accept both spellings.
  sortOrder: z.optional(z.pipe(z.pipe(z.string(), z.transform((order) => order.toLowerCase())), z.enum(['asc', 'desc']))),
  sortBy: z.optional(z.string()),
});

/** Sortable fields of one list: name → key. The first is the default (newest first). */
export type SortKeys<T> = Record<string, (item: T) => string | number>;

/**
 * Reads the page query up front (so a malformed one is refused before anything changes) and
 * returns the function that sorts and pages. `tieBreak` keeps equal keys in a stable order (a
 * frozen test clock gives every item one timestamp).
 */
export const pager = <T>(query: Record<string, string>, sortKeys: SortKeys<T>, tieBreak: (item: T) => number) => {
  const parsed = pageQuerySchema.safeParse(query);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const { skip = 0, limit = DEFAULT_LIMIT, sortOrder = 'desc', sortBy = Object.keys(sortKeys)[0]! } = parsed.data;
  const key = sortKeys[sortBy] ?? fail(API_ERRORS.invalidUserInput);
  const direction = sortOrder === 'asc' ? 1 : -1;
  return (items: readonly T[]) => {
    const sorted = [...items].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return (x < y ? -1 : x > y ? 1 : tieBreak(a) - tieBreak(b)) * direction;
    });
    return { total: items.length, page: sorted.slice(skip, skip + limit) };
  };
};
