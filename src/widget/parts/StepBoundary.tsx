import { Component, type ReactNode } from 'react';
import { retryFailedLoads } from '../lazy';

interface StepBoundaryProps {
  /** What to show instead of a step that failed to render; `reset` tries again. */
  fallback: (reset: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Contains a render failure to the step: the form above it (and everything typed) survives, and
 * the user can start the step again instead of facing a blank widget. A step that starts, or starts
 * again, downloads anew what it needs and had failed to download.
 */
export class StepBoundary extends Component<StepBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  constructor(props: StepBoundaryProps) {
    super(props);
    retryFailedLoads();
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  reset = () => {
    retryFailedLoads();
    this.setState({ failed: false });
  };

  override render() {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}
