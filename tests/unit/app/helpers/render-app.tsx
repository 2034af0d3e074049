import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
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
