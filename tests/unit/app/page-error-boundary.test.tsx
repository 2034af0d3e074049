// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from '../../../src/app/components/page-error-boundary.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

function Failing({ message }: { message: string }): never {
  throw new Error(message);
}

describe('PageErrorBoundary', () => {
  it('shows what failed and a link back to the default study instead of a blank page', () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/?events=custom-1&custom=custom-1~9999-09-30~~UTC~T');
    render(
      <PageErrorBoundary>
        <Failing message="The event of 9999-09-30 is outside every price range." />
      </PageErrorBoundary>,
    );
    const panel = screen.getByRole('alert');
    expect(panel).toHaveTextContent('This study cannot be shown');
    expect(panel).toHaveTextContent('The event of 9999-09-30 is outside every price range.');
    const link = screen.getByRole('link', { name: 'Back to the default study' });
    // The page without its query: the default study.
    expect(link).toHaveAttribute('href', '/');
  });

  it('renders its children untouched when nothing fails', () => {
    render(
      <PageErrorBoundary>
        <p>the dashboard</p>
      </PageErrorBoundary>,
    );
    expect(screen.getByText('the dashboard')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
