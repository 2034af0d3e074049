import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dashboard } from './dashboard.tsx';
import { createQueryClient } from './query-client.ts';

/**
 * The app with its providers. A test passes its own QueryClient to start from an empty cache.
 */
export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <Dashboard />
    </QueryClientProvider>
  );
}
