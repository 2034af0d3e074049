/** A benchmark that `npm run bench` runs: it returns rows for one printed table. */
export interface Bench {
  name: string;
  /** Column headings, in the order of each row's cells. */
  columns: readonly string[];
  run(): Promise<readonly (readonly string[])[]> | readonly (readonly string[])[];
}

/**
 * Median of the timings of `runs` calls, in milliseconds, after `runs` untimed warm-up calls so
 * that the JIT has compiled the hot paths: the figures are steady-state times.
 */
export function medianMilliseconds(action: () => void, runs: number): number {
  for (let warmUp = 0; warmUp < runs; warmUp += 1) action();
  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    action();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return timings[Math.floor(timings.length / 2)] as number;
}
