'use client';
import { Component, type ReactNode } from 'react';
import { Alert } from './alert';

/**
 * Keeps one failing panel from blanking the page: the rest of the screen stays
 * usable and this panel says it could not load. (Next's error.tsx works per route
 * segment; panels need their own boundary.)
 */
export class PanelBoundary extends Component<{ title: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return <Alert tone="error">{this.props.title} could not be loaded. The rest of the page works; reload to try again.</Alert>;
    }
    return this.props.children;
  }
}
