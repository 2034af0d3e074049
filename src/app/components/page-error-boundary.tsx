import { Component, type ReactNode } from 'react';
import { ErrorPanel } from './error-panel.tsx';
import './page-error-boundary.css';

interface PageErrorBoundaryProps {
  children: ReactNode;
}

interface PageErrorBoundaryState {
  error: Error | null;
}

/**
 * The page's last line of defence: an error thrown while rendering anything below it (a link whose
 * settings the page cannot draw, a fault of the page itself) shows its message and a link back to
 * the default study, instead of leaving a blank page. The link loads the page without its query,
 * so nothing of the failed state survives.
 */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PageErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="page-error">
        <ErrorPanel title="This study cannot be shown" message={error.message || 'The page failed while drawing it.'} />
        <p className="page-error-way-back">
          <a href={window.location.pathname}>Back to the default study</a>
        </p>
      </main>
    );
  }
}
