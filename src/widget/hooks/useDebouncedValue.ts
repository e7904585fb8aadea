import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `delayMs`: typing "1500" asks one quote, not four. */
export const useDebouncedValue = <T>(value: T, delayMs: number): T => {
  const [settled, setSettled] = useState(value);
  // Nothing to wait for while the value is the settled one. Setting a state to what it already is
  // is not free: React keeps the update, and the next render (the first key typed) leaves it for
  // a render of its own, a commit that changes nothing.
  const changed = !Object.is(value, settled);
  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs, changed]);
  return settled;
};
