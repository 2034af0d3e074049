import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageErrorBoundary } from './components/page-error-boundary.tsx';
import { Dashboard } from './dashboard.tsx';
import { createQueryClient } from './query-client.ts';

/**
 * The app with its providers, and a boundary that turns a render error into a message instead of a
 * blank page. A test passes its own QueryClient to start from an empty cache.
 */
export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <PageErrorBoundary>
        <Dashboard />
      </PageErrorBoundary>
    </QueryClientProvider>
  );
}
