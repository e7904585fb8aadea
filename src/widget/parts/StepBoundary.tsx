import { Component, type ReactNode } from 'react';

interface StepBoundaryProps {
  /** What to show instead of a step that failed to render; `reset` tries again. */
  fallback: (reset: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Contains a render failure to the step: the form above it (and everything typed) survives, and
 * the user can start the step again instead of facing a blank widget.
 */
export class StepBoundary extends Component<StepBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  reset = () => this.setState({ failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}
