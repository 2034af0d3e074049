import { SnapshotBuildError } from './raw-price-file.ts';

export interface PriceLimitDay {
  date: string;
  limit: 'upper' | 'lower';
}

/**
 * Days on which a J-Quants stock hit the TSE daily price limit, from the UpLimit / UnderLimit
 * flags (1 = the limit was reached during the day) that keroppa88/chart0 keeps in its raw files.
 * The return of such a day is capped by the limit, which an analyst has to know.
 * @throws SnapshotBuildError when the file lacks either flag column.
 * @example priceLimitDays(text, '7013.csv', '2021-02-02', '2025-03-31') // [{ date: '2024-11-06', limit: 'upper' }, …]
 */
export function priceLimitDays(text: string, fileName: string, from: string, to: string): PriceLimitDay[] {
  const [headerLine = '', ...lines] = text.split(/\r?\n/);
  const header = headerLine.split(',');
  const upper = header.indexOf('UpLimit');
  const lower = header.indexOf('UnderLimit');
  if (upper < 0 || lower < 0) throw new SnapshotBuildError(`${fileName}: the header has no UpLimit / UnderLimit columns`);
  const days: PriceLimitDay[] = [];
  for (const line of lines) {
    const cells = line.split(',');
    const date = cells[0] ?? '';
    if (date < from || date > to) continue;
    if (cells[upper] === '1') days.push({ date, limit: 'upper' });
    if (cells[lower] === '1') days.push({ date, limit: 'lower' });
  }
  return days;
}
