/**
 * The order's life (`useOrder`) as a component that renders nothing: downloaded on intent, with
 * the steps that need it (see `steps/later.ts`), and kept mounted once it is, so an order outlives
 * the steps it moves between. It hands the widget each new state of the order before the browser
 * paints; it renders again only when the order changes, not with every render of the widget.
 */
import { memo, useLayoutEffect } from 'react';
import { useOrder, type OrderLife, type UseOrderOptions } from './hooks/useOrder';

export interface OrderHostProps {
  /** The widget's latest options, read when needed (see `useOrder`). */
  options: { readonly current: UseOrderOptions };
  onChange: (order: OrderLife) => void;
}

export const OrderHost = memo(function OrderHost({ options, onChange }: OrderHostProps) {
  const order = useOrder(options);
  useLayoutEffect(() => onChange(order));
  return null;
});
