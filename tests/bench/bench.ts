/** A benchmark that `npm run bench` runs: it returns rows for one printed table. */
export interface Bench {
  name: string;
  /** Column headings, in the order of each row's cells. */
  columns: readonly string[];
  run(): Promise<readonly (readonly string[])[]> | readonly (readonly string[])[];
}

/** Steady-state timings of one action, in milliseconds. */
export interface Timings {
  median: number;
  min: number;
}

/**
 * Times `runs` calls of `action` after `runs` untimed warm-up calls, so that the JIT has compiled
 * the hot paths: the figures are steady-state times. The minimum is the least disturbed by other
 * work on the machine; the median is the typical time.
 * @example timeMilliseconds(() => runStudy(units, options), 11).median
 */
export function timeMilliseconds(action: () => void, runs: number): Timings {
  for (let warmUp = 0; warmUp < runs; warmUp += 1) action();
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    action();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { median: timings[Math.floor(timings.length / 2)] as number, min: timings[0] as number };
}

/**
 * Median of {@link timeMilliseconds}.
 * @example medianMilliseconds(() => runStudy(units, options), 11)
 */
export function medianMilliseconds(action: () => void, runs: number): number {
  return timeMilliseconds(action, runs).median;
}
