import { useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import type { ChartsPanelProps } from './charts-panel.tsx';

/**
 * The charts, loaded apart from the first bundle (recharts is most of the app's weight), with the
 * download started as soon as this file runs at start-up, in parallel with the prices request.
 * Until the code arrives `fallback` stands in; then the chart renders at once. (React.lazy with
 * Suspense would hold a revealed chart back by up to 300 ms more.) A failed download shows a
 * message in the chart's place instead of breaking the page.
 */
function preloaded<P extends object>(what: string, load: () => Promise<ComponentType<P>>) {
  let ready: ComponentType<P> | null = null;
  const listeners = new Set<() => void>();
  load()
    .then(
      (component) => (ready = component),
      (error: unknown) => (ready = loadFailure<P>(what, error)),
    )
    .finally(() => listeners.forEach((listener) => listener()));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = () => ready;
  return function Preloaded({ fallback, props }: { fallback: ReactNode; props: P }) {
    const Component = useSyncExternalStore(subscribe, current);
    return Component ? <Component {...props} /> : fallback;
  };
}

function loadFailure<P>(what: string, error: unknown): ComponentType<P> {
  const reason = error instanceof Error ? error.message : String(error);
  return function LoadFailure() {
    return (
      <p className="field-error" role="alert">
        The {what} could not be loaded ({reason}). Reload the page to try again.
      </p>
    );
  };
}

const PreloadedChartsPanel = preloaded('charts', () => import('./charts-panel.tsx').then((module) => module.ChartsPanel));

/**
 * The charts panel (see ChartsPanel), with `fallback` shown while its code is still loading.
 * @example <LazyChartsPanel {...panelProps} fallback={<ChartsSkeleton label="Loading…" />} />
 */
export function LazyChartsPanel({ fallback, ...props }: ChartsPanelProps & { fallback: ReactNode }) {
  return <PreloadedChartsPanel fallback={fallback} props={props} />;
}
