import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { App } from '../../../../src/app/app.tsx';
import { createApiStub } from './snapshot-api.ts';

// jsdom has no layout engine and no ResizeObserver: every box measures 640×300 here so recharts
// draws its SVG (markers included) instead of an empty zero-width container.
class StillResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.localStorage.clear();
  // The page keeps its state in the URL, which jsdom shares between the tests of a file.
  window.history.replaceState(null, '', '/');
});

type ApiStub = ReturnType<typeof createApiStub>;

/**
 * Renders the whole app against a snapshot-backed fetch stub with a fresh query cache; `setup`
 * may override a route before the first request goes out.
 */
export function renderApp({ mode = 'snapshot', setup }: { mode?: 'snapshot' | 'live' | 'auto'; setup?: (api: ApiStub) => void } = {}) {
  const api = createApiStub(mode);
  setup?.(api);
  vi.stubGlobal('fetch', api.fetch);
  vi.stubGlobal('ResizeObserver', StillResizeObserver);
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ width: 640, height: 300 }));
  // Retries are the app's business in production; here a failure must show at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(<App queryClient={queryClient} />);
  return { api, queryClient, ...view };
}

/**
 * Waits until the default case is on screen: IHI's day-0 cell of the statistics table and the
 * price chart, whose code loads apart from the first bundle and may arrive after the numbers.
 */
export async function findDefaultCase(): Promise<void> {
  await screen.findByTestId('ar0-us-election-2024:7013.T', {}, { timeout: 5000 });
  await waitFor(
    () => {
      if (!document.querySelector('#price-chart svg.recharts-surface')) throw new Error('the price chart is not drawn yet');
    },
    { timeout: 5000 },
  );
}
