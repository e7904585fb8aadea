import { useLayoutEffect, useRef } from 'react';

/** The latest value in a ref, so inline callbacks from the host never re-subscribe anything. */
export const useLatest = <T>(value: T) => {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
};
