/**
 * A factor file derived from the snapshot, not made up: the Nikkei 225's daily simple return minus
 * TOPIX's (column N225_TOPIX), leaving out the days named, for the page's tests in jsdom and Chromium.
 */
import { snapshotBars } from './snapshot-api.ts';

export function spreadFactorCsv(leaveOut: readonly string[] = []): string {
  const closes = (symbol: string) => new Map(snapshotBars(symbol).map((bar) => [bar.date, bar.adjClose]));
  const [nikkei, topix] = [closes('^N225'), closes('TOPIX')];
  const dates = [...topix.keys()].filter((date) => nikkei.get(date) != null && topix.get(date) != null);
  const lines = dates.slice(1).flatMap((date, index) => {
    const before = dates[index] as string;
    const spread = (nikkei.get(date) as number) / (nikkei.get(before) as number) - (topix.get(date) as number) / (topix.get(before) as number);
    return leaveOut.includes(date) ? [] : [`${date},${spread}`];
  });
  return ['date,N225_TOPIX', ...lines].join('\n');
}
