import type { SecurityResult } from '../../../core/types.ts';
import type { ChartRow } from './chart-data.ts';

/** One security's bars on the volume chart. */
export interface VolumeSeries {
  /** Positional (recharts reads a dot in a key as a path): `volume0`, `volume1`, … */
  key: string;
  symbol: string;
  name: string;
  colour: string;
}

/** The volume chart's data: one bar per security and day, and the securities that have no bars and why. */
export interface VolumePanelData {
  rows: ChartRow[];
  series: VolumeSeries[];
  /** Securities without an abnormal volume: "no volume in the source", or the engine's reason. */
  without: { symbol: string; name: string; words: string }[];
}

/** What a tooltip shows of one bar beside its multiple. */
export interface VolumeDetail {
  shares: number | null;
  abnormal: number | null;
  t: number | null;
}

/**
 * Each security's daily volume over the event window as a multiple of its usual volume (the median
 * of its estimation window, the denominator of the engine's day-0 multiple), so securities of any
 * size share one axis and "9×" reads at a glance; the shares, AV and t ride along for the tooltip.
 * A security whose source has no volume gets no bars (never zeros) and a line in `without`.
 * @example volumeRows([{ result: ihi, name: 'IHI', colour: '#0072B2' }], [-1, 0]).rows[1].volume0 // 9.04 (day 0)
 */
export function volumeRows(securities: readonly { result: SecurityResult; name: string; colour: string }[], days: readonly number[]): VolumePanelData {
  const rows: ChartRow[] = days.map((day) => ({ day, date: null }));
  const series: VolumeSeries[] = [];
  const without: VolumePanelData['without'] = [];
  for (const { result, name, colour } of securities) {
    const volume = result.volume;
    if (volume?.kind !== 'abnormal-volume') {
      without.push({ symbol: result.symbol, name, words: volume?.kind === 'unavailable' ? volume.reason.replace(/^[^:]*: /, '') : 'no volume in the source' });
      continue;
    }
    const key = `volume${series.length}`;
    series.push({ key, symbol: result.symbol, name, colour });
    const byDay = new Map(volume.days.map((entry) => [entry.relativeDay, entry]));
    days.forEach((day, index) => {
      const row = rows[index];
      const entry = byDay.get(day);
      if (!row) return;
      row.date ??= entry?.date ?? null;
      const shares = entry?.volume ?? null;
      row[key] = shares === null || !(volume.medianVolume > 0) ? null : shares / volume.medianVolume;
      row[`${key}Detail`] = { shares, abnormal: entry?.abnormal ?? null, t: entry?.t.statistic ?? null } satisfies VolumeDetail;
    });
  }
  return { rows, series, without };
}
