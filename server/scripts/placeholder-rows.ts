import { SnapshotBuildError, type RawBar } from './raw-price-file.ts';
import type { PlaceholderRows } from './snapshot-spec.ts';

const isZero = (cell: string) => cell !== '' && Number(cell) === 0;

/**
 * Removes the placeholder rows a source writes for days without trading (Open, High and Low 0,
 * Volume 0, the last close carried forward), which kept would read as days of zero return. Only
 * rows declared in the series' spec are removed, and only if every one of them is such a row; a
 * price of 0 anywhere else stops the build, since no traded price or index level is 0.
 * @returns the bars kept and the dates dropped.
 * @throws SnapshotBuildError on an undeclared zero price, a declared row that is a real bar, or a
 *   declaration that matches no row.
 * @example dropPlaceholderRows(bars, { from: '2024-08-29', to: '2024-09-26', reason: '…' }, '012450.csv').dropped.length // 18
 */
export function dropPlaceholderRows(bars: readonly RawBar[], declared: PlaceholderRows | undefined, fileName: string): { kept: RawBar[]; dropped: string[] } {
  const kept: RawBar[] = [];
  const dropped: string[] = [];
  for (const bar of bars) {
    const declaredDay = declared !== undefined && bar.date >= declared.from && bar.date <= declared.to;
    const placeholder = [bar.open, bar.high, bar.low, bar.volume].every(isZero);
    if (declaredDay && !placeholder) {
      throw new SnapshotBuildError(`${fileName}: ${bar.date} is declared a placeholder row but is a real bar (${bar.open}, ${bar.high}, ${bar.low}, ${bar.close}, volume ${bar.volume})`);
    }
    if (declaredDay) {
      dropped.push(bar.date);
      continue;
    }
    if ([bar.open, bar.high, bar.low, bar.close, bar.adjClose].some(isZero)) {
      throw new SnapshotBuildError(`${fileName}: ${bar.date} has a price of 0, which is no price; declare the row a placeholder of a suspension or fix the source`);
    }
    kept.push(bar);
  }
  if (declared && dropped.length === 0) {
    throw new SnapshotBuildError(`${fileName}: no placeholder rows between ${declared.from} and ${declared.to}, although the series declares them`);
  }
  return { kept, dropped };
}
