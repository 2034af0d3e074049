import { SnapshotBuildError, type RawBar } from './raw-price-file.ts';

export interface ExDividendDay {
  date: string;
  /** Dividend as a share of the previous close, D / Close(t−1). */
  dividendShare: number;
}

/**
 * Yahoo stores float32-rounded adjusted closes (relative noise about 1e-7); the smallest dividend
 * of these stocks is about 0.4% of the price, so a step above 1e-4 is a dividend, not noise.
 */
const STEP_THRESHOLD = 1e-4;

/**
 * Ex-dividend days of a Yahoo series that has both Close and a dividend-adjusted Adj Close.
 * Yahoo's adjustment multiplies every close before an ex-date by (1 − D / Close(t−1)), so the
 * ratio AdjClose/Close steps up on the ex-date and D / Close(t−1) = 1 − ratio(t−1) / ratio(t).
 * @throws SnapshotBuildError when the ratio steps down, which no dividend adjustment can produce.
 * @example exDividendDays(bars) // [{ date: '2024-09-27', dividendShare: 0.0053 }, …]
 */
export function exDividendDays(bars: readonly RawBar[], fileName: string): ExDividendDay[] {
  const days: ExDividendDay[] = [];
  let previousRatio: number | null = null;
  for (const bar of bars) {
    if (bar.close === '' || bar.adjClose === '') continue;
    const ratio = Number(bar.adjClose) / Number(bar.close);
    if (previousRatio !== null) {
      const dividendShare = 1 - previousRatio / ratio;
      if (dividendShare < -STEP_THRESHOLD) {
        throw new SnapshotBuildError(`${fileName}: the Adj Close / Close ratio falls on ${bar.date}, which is not a dividend adjustment`);
      }
      if (dividendShare > STEP_THRESHOLD) days.push({ date: bar.date, dividendShare });
    }
    previousRatio = ratio;
  }
  return days;
}
