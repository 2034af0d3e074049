import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snapshotManifestSchema } from '../../../server/sources/snapshot-manifest.ts';
import { CSV_HEADER, readManifest, readSharedConverted, readSnapshotCsv, snapshotDir } from './snapshot-files.ts';

const manifest = readManifest();
const seriesBySymbol = new Map(manifest.series.map((series) => [series.symbol, series]));
const datesOf = (file: string) => readSnapshotCsv(file).rows.map((row) => row[0] ?? '');

const REQUIRED_SYMBOLS = ['7011.T', '7013.T', '7012.T', '6503.T', '6701.T', '7721.T', '^N225', 'TOPIX', 'LMT', 'RTX', 'NOC', 'GD', '^GSPC'];
const TOKYO = REQUIRED_SYMBOLS.slice(0, 8);
const NEW_YORK = REQUIRED_SYMBOLS.slice(8);

/**
 * Series whose only source in the shared data cannot cover 2023-01-04..2025-03-31 (PROVENANCE.md):
 * merida901's 7721.T ends 2024-12-24, Negin228's NOC and GD start 2023-09-11.
 */
const PARTIAL_COVERAGE: Readonly<Record<string, { firstDate?: string; lastDate?: string }>> = {
  '7721.T': { lastDate: '2024-12-24' },
  NOC: { firstDate: '2023-09-11' },
  GD: { firstDate: '2023-09-11' },
};

/** TSE market holidays 2024 (JPX's published holiday calendar), on none of which a Tokyo bar may exist. */
const TSE_HOLIDAYS_2024 = [
  '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-08', '2024-02-12', '2024-02-23', '2024-03-20', '2024-04-29',
  '2024-05-03', '2024-05-06', '2024-07-15', '2024-08-12', '2024-09-16', '2024-09-23', '2024-10-14', '2024-11-04', '2024-12-31',
];
/** NYSE holidays 2024 and early 2025 (NYSE's published calendar), including the 2025-01-09 day of mourning for President Carter. */
const NYSE_HOLIDAYS = [
  '2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02',
  '2024-11-28', '2024-12-25', '2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17',
];

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

describe('snapshot manifest', () => {
  it('matches the schema the server reads it with', () => {
    expect(snapshotManifestSchema.safeParse(manifest).success).toBe(true);
  });

  it('lists every required series once, with its name, exchange and benchmarks', () => {
    expect(manifest.series.map((series) => series.symbol)).toEqual(REQUIRED_SYMBOLS);
    for (const symbol of TOKYO) {
      const series = seriesBySymbol.get(symbol);
      expect(series?.exchangeTimezoneName).toBe('Asia/Tokyo');
      expect(series?.currency).toBe('JPY');
      expect(series?.benchmarks).toEqual(series?.kind === 'equity' ? ['TOPIX', '^N225'] : []);
    }
    for (const symbol of NEW_YORK) {
      const series = seriesBySymbol.get(symbol);
      expect(series?.exchangeTimezoneName).toBe('America/New_York');
      expect(series?.currency).toBe('USD');
      expect(series?.benchmarks).toEqual(series?.kind === 'equity' ? ['^GSPC'] : []);
    }
    expect(seriesBySymbol.get('7011.T')?.name).toBe('Mitsubishi Heavy Industries');
    expect(seriesBySymbol.get('7013.T')?.name).toBe('IHI Corporation');
  });

  it('holds exactly the files it lists, and each entry states its real first date, last date and rows', () => {
    const csvFiles = readdirSync(snapshotDir).filter((name) => name.endsWith('.csv')).sort();
    expect(csvFiles).toEqual(manifest.series.map((series) => series.file).sort());
    for (const series of manifest.series) {
      const dates = datesOf(series.file);
      expect([series.firstDate, series.lastDate, series.rows]).toEqual([dates[0], dates.at(-1), dates.length]);
    }
  });

  it('gives every series a full provenance: source, repository, commit, path, blob, adjustment, currency, time zone, defects, licence', () => {
    for (const { provenance, currency, exchangeTimezoneName } of manifest.series) {
      expect(provenance.source.length).toBeGreaterThan(20);
      expect(provenance.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(provenance.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(provenance.blob).toMatch(/^[0-9a-f]{40}$/);
      expect(provenance.path).toMatch(/\.csv$/);
      expect(provenance.adjustment).toMatch(/adjust|index/i);
      expect([provenance.currency, provenance.exchangeTimezoneName]).toEqual([currency, exchangeTimezoneName]);
      expect(Array.isArray(provenance.defects)).toBe(true);
      expect(provenance.license).toMatch(/licen[cs]e/i);
    }
  });

  it('names the Yahoo defect days, the missing dividends and the IHI scale where they apply', () => {
    const defects = (symbol: string) => seriesBySymbol.get(symbol)?.provenance.defects.join('\n') ?? '';
    expect(defects('7721.T')).toContain('2024-01-15');
    expect(defects('7721.T')).toContain('2024-03-29');
    expect(defects('^GSPC')).toContain('2023-05-24');
    expect(seriesBySymbol.get('7013.T')?.provenance.adjustment).toMatch(/÷ 7/);
    for (const symbol of ['7011.T', '7013.T', '7012.T', '6503.T', '6701.T']) {
      expect(defects(symbol)).toMatch(/not dividend-adjusted/);
    }
    // CROSSCHECK.md's Yahoo-vs-Yahoo return comparison shows MHI's dividend gaps on these days.
    for (const exDate of ['2023-09-28', '2024-03-28', '2024-09-27']) {
      expect(defects('7011.T')).toContain(`${exDate}: ex-dividend day`);
    }
    expect(defects('7013.T')).toContain('2024-11-06: hit the TSE daily upper price limit');
  });
});

describe('snapshot coverage and calendars', () => {
  it('covers 2023-01-04..2025-03-31 for every series the sources allow, and documents the others', () => {
    for (const series of manifest.series) {
      const allowed = PARTIAL_COVERAGE[series.symbol] ?? {};
      expect(series.firstDate <= (allowed.firstDate ?? '2023-01-04')).toBe(true);
      expect(series.lastDate >= (allowed.lastDate ?? '2025-03-31')).toBe(true);
      if (allowed.firstDate) expect(series.firstDate).toBe(allowed.firstDate);
      if (allowed.lastDate) expect(series.lastDate).toBe(allowed.lastDate);
      if (series.symbol in PARTIAL_COVERAGE) expect(series.provenance.defects.join(' ')).toMatch(/missing/);
    }
  });

  it('leaves at least 250 trading days before 2024-09-27 for every series that starts early', () => {
    for (const series of manifest.series.filter((entry) => !(entry.symbol in PARTIAL_COVERAGE && PARTIAL_COVERAGE[entry.symbol]?.firstDate))) {
      expect(datesOf(series.file).filter((date) => date < '2024-09-27').length).toBeGreaterThanOrEqual(250);
    }
  });

  it('has one header, strictly ascending real dates and only numbers or empty cells', () => {
    for (const series of manifest.series) {
      const { header, rows } = readSnapshotCsv(series.file);
      expect(header).toBe(CSV_HEADER);
      const problems = rows.flatMap((row, index) => {
        const [date = ''] = row;
        const previous = rows[index - 1]?.[0] ?? '';
        const realDate = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
        const cellsOk = row.length === 7 && row.slice(1).every((cell) => /^(-?\d+(\.\d+)?)?$/.test(cell));
        return realDate && date > previous && cellsOk ? [] : [`${series.file}: ${row.join(',')}`];
      });
      expect(problems).toEqual([]);
    }
  });

  it('puts every Tokyo series on the JPX calendar: J-Quants trading days, no weekend, no TSE holiday, 245 days in 2024', () => {
    const jpxDays = readSharedConverted('jp/7011.T__jquants_keroppa88.csv').rows.map((row) => row[0] ?? '');
    for (const symbol of TOKYO) {
      const series = seriesBySymbol.get(symbol);
      if (!series) throw new Error(`${symbol} missing`);
      const dates = datesOf(series.file);
      expect(dates).toEqual(jpxDays.filter((date) => date >= series.firstDate && date <= series.lastDate));
      expect(dates.filter(isWeekend)).toEqual([]);
      expect(dates.filter((date) => TSE_HOLIDAYS_2024.includes(date))).toEqual([]);
      if (series.lastDate >= '2024-12-30') expect(dates.filter((date) => date.startsWith('2024-')).length).toBe(245);
    }
  });

  it('puts every New York series on the NYSE calendar: the S&P 500 days, no weekend, no NYSE holiday, 252 days in 2024', () => {
    const gspcDays = datesOf('GSPC.csv');
    for (const symbol of NEW_YORK) {
      const series = seriesBySymbol.get(symbol);
      if (!series) throw new Error(`${symbol} missing`);
      const dates = datesOf(series.file);
      expect(dates).toEqual(gspcDays.filter((date) => date >= series.firstDate && date <= series.lastDate));
      expect(dates.filter(isWeekend)).toEqual([]);
      expect(dates.filter((date) => NYSE_HOLIDAYS.includes(date))).toEqual([]);
      expect(dates.filter((date) => date.startsWith('2024-')).length).toBe(252);
    }
  });
});
