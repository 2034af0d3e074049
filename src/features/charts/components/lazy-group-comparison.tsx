import { lazy, Suspense, type ReactNode } from 'react';
import type { GroupComparisonChartProps } from './group-comparison-chart.tsx';

// recharts comes with the chart's own chunk, as for the other charts (lazy-charts.tsx).
const GroupComparisonChart = lazy(() => import('./group-comparison-chart.tsx').then((module) => ({ default: module.GroupComparisonChart })));

/**
 * The group comparison chart (see GroupComparisonChart), with `fallback` shown while its code loads.
 * @example <LazyGroupComparisonChart {...props} fallback={<ChartsSkeleton label="Loading…" />} />
 */
export function LazyGroupComparisonChart({ fallback, ...props }: GroupComparisonChartProps & { fallback: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <GroupComparisonChart {...props} />
    </Suspense>
  );
}
