import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SeriesGap } from '../../../server/scripts/exchange-gaps.ts';
import type { SnapshotSeriesEntry } from '../../../server/scripts/snapshot-builder.ts';
import { snapshotManifestSchema } from '../../../server/sources/snapshot-manifest.ts';
import { CSV_HEADER, readManifest, readSharedConverted, readSnapshotCsv, snapshotDir } from './snapshot-files.ts';

const manifest = readManifest();
const seriesBySymbol = new Map(manifest.series.map((series) => [series.symbol, series]));
const entryOf = (symbol: string): SnapshotSeriesEntry => {
  const entry = seriesBySymbol.get(symbol);
  if (!entry) throw new Error(`${symbol} is not in the manifest`);
  return entry;
};
const datesOf = (file: string) => readSnapshotCsv(file).rows.map((row) => row[0] ?? '');

/** Each exchange's series in manifest order (securities, then indices), with the time zone and currency it must state. */
const EXCHANGE_SERIES: Readonly<Record<string, { timeZone: string; currency: string; symbols: readonly string[] }>> = {
  XTKS: { timeZone: 'Asia/Tokyo', currency: 'JPY', symbols: ['7011.T', '7013.T', '7012.T', '6503.T', '6701.T', '7721.T', '^N225', 'TOPIX'] },
  XNYS: { timeZone: 'America/New_York', currency: 'USD', symbols: ['LMT', 'RTX', 'NOC', 'GD', 'LHX', 'LDOS', 'BA', '^GSPC'] },
  XLON: { timeZone: 'Europe/London', currency: 'GBP', symbols: ['BA.L', '^FTSE'] },
  XETR: { timeZone: 'Europe/Berlin', currency: 'EUR', symbols: ['RHM.DE', '^GDAXI', '^STOXX', '^STOXX50E'] },
  XMIL: { timeZone: 'Europe/Rome', currency: 'EUR', symbols: ['LDO.MI', 'FTSEMIB.MI'] },
  XPAR: { timeZone: 'Europe/Paris', currency: 'EUR', symbols: ['HO.PA', '^FCHI'] },
  XSTO: { timeZone: 'Europe/Stockholm', currency: 'SEK', symbols: ['SAAB-B.ST', '^OMX'] },
  XKRX: { timeZone: 'Asia/Seoul', currency: 'KRW', symbols: ['012450.KS', '047810.KS', '079550.KS', '^KS11'] },
};
const REQUIRED_SYMBOLS = [
  ...EXCHANGE_SERIES.XTKS!.symbols,
  ...EXCHANGE_SERIES.XNYS!.symbols.slice(0, 4),
  'LHX', 'LDOS', 'BA', '^GSPC',
  'BA.L', '^FTSE', 'RHM.DE', '^GDAXI', 'LDO.MI', 'FTSEMIB.MI', 'HO.PA', '^FCHI', 'SAAB-B.ST', '^OMX',
  '012450.KS', '047810.KS', '079550.KS', '^KS11', '^STOXX', '^STOXX50E',
];
const TOKYO = EXCHANGE_SERIES.XTKS!.symbols;
const NEW_YORK = EXCHANGE_SERIES.XNYS!.symbols;

/** The benchmarks offered for each exchange's equities: the home index first, then the pan-European STOXX indices. */
const BENCHMARKS: Readonly<Record<string, readonly string[]>> = {
  XTKS: ['TOPIX', '^N225'],
  XNYS: ['^GSPC'],
  XLON: ['^FTSE', '^STOXX'],
  XETR: ['^GDAXI', '^STOXX50E', '^STOXX'],
  XMIL: ['FTSEMIB.MI', '^STOXX50E', '^STOXX'],
  XPAR: ['^FCHI', '^STOXX50E', '^STOXX'],
  XSTO: ['^OMX', '^STOXX'],
  XKRX: ['^KS11'],
};

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
/**
 * The weekdays of 2024 on which each European and the Korean exchange was closed, from the
 * exchanges' published 2024 trading calendars (LSE, Deutsche Börse Xetra, Euronext, Borsa Italiana,
 * Nasdaq Nordic, KRX).
 */
const CLOSED_WEEKDAYS_2024: Readonly<Record<string, readonly string[]>> = {
  XLON: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  XETR: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-31'],
  XPAR: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-12-25', '2024-12-26'],
  XMIL: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-08-15', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-31'],
  XSTO: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-06-06', '2024-06-21', '2024-12-24', '2024-12-25', '2024-12-26', '2024-12-31'],
  XKRX: [
    '2024-01-01', '2024-02-09', '2024-02-12', '2024-03-01', '2024-04-10', '2024-05-01', '2024-05-06', '2024-05-15', '2024-06-06',
    '2024-08-15', '2024-09-16', '2024-09-17', '2024-09-18', '2024-10-01', '2024-10-03', '2024-10-09', '2024-12-25', '2024-12-31',
  ],
};

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

describe('snapshot manifest', () => {
  it('matches the schema the server reads it with', () => {
    expect(snapshotManifestSchema.safeParse(manifest).success).toBe(true);
  });

  it('lists every required series once, each with its exchange (ISO 10383 MIC), time zone, currency and benchmarks', () => {
    expect(manifest.series.map((series) => series.symbol)).toEqual(REQUIRED_SYMBOLS);
    for (const [exchange, { timeZone, currency, symbols }] of Object.entries(EXCHANGE_SERIES)) {
      for (const symbol of symbols) {
        const series = seriesBySymbol.get(symbol);
        expect([symbol, series?.exchange, series?.exchangeTimezoneName]).toEqual([symbol, exchange, timeZone]);
        // London quotes shares in pence; its index is in pounds.
        expect([symbol, series?.currency]).toEqual([symbol, symbol === 'BA.L' ? 'GBp' : currency]);
        expect([symbol, series?.benchmarks]).toEqual([symbol, series?.kind === 'equity' ? BENCHMARKS[exchange] : []]);
      }
    }
    expect(seriesBySymbol.get('7011.T')?.name).toBe('Mitsubishi Heavy Industries');
    expect(seriesBySymbol.get('7013.T')?.name).toBe('IHI Corporation');
    expect(seriesBySymbol.get('012450.KS')?.name).toBe('Hanwha Aerospace');
    expect(seriesBySymbol.get('^STOXX50E')?.provenance.source).toMatch(/Exchange XETR: a pan-European index/);
  });

  it('offers as benchmarks only indices the snapshot holds', () => {
    const indices = new Set(manifest.series.filter((series) => series.kind === 'index').map((series) => series.symbol));
    for (const series of manifest.series) for (const benchmark of series.benchmarks) expect([series.symbol, indices.has(benchmark)]).toEqual([series.symbol, true]);
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

  it('puts every European and Korean series on its exchange: in 2024 it is closed on the exchange’s holidays and on its recorded gaps, no other weekday', () => {
    for (const [exchange, holidays] of Object.entries(CLOSED_WEEKDAYS_2024)) {
      for (const symbol of EXCHANGE_SERIES[exchange]?.symbols ?? []) {
        const series = seriesBySymbol.get(symbol);
        if (!series) throw new Error(`${symbol} missing`);
        const dates = new Set(datesOf(series.file));
        const closed = weekdaysOf2024().filter((date) => !dates.has(date));
        const gapDays = gapDates(series).filter((date) => date.startsWith('2024-'));
        expect([symbol, closed]).toEqual([symbol, [...holidays, ...gapDays].sort()]);
        expect([...dates].filter(isWeekend)).toEqual([]);
      }
    }
  });

  it('records as gaps exactly the trading days of its exchange (a bar in another of its series) that a series lacks, each named in its defects', () => {
    for (const [exchange, { symbols }] of Object.entries(EXCHANGE_SERIES)) {
      const exchangeDays = [...new Set(symbols.flatMap((symbol) => datesOf(seriesBySymbol.get(symbol)?.file ?? '')))].sort();
      for (const symbol of symbols) {
        const series = seriesBySymbol.get(symbol);
        if (!series) throw new Error(`${symbol} missing`);
        const own = new Set(datesOf(series.file));
        const lacking = exchangeDays.filter((date) => date >= series.firstDate && date <= series.lastDate && !own.has(date));
        expect([exchange, symbol, gapDates(series)]).toEqual([exchange, symbol, lacking]);
        for (const gap of series.gaps) {
          expect(gap.days).toBe(gapDates(series, [gap]).length);
          expect(series.provenance.defects.some((defect) => defect.startsWith(gap.from) && defect.includes(gap.reason))).toBe(true);
        }
      }
    }
  });

  it('names the gaps global/PROVENANCE.md reports, and those found beyond its 2023–2025 check', () => {
    // PROVENANCE §1: walnutbrown KOSPI lacks 2024-08-30 and 2024-09-13; the 2021 days were found by the build (the Korean stocks trade on them).
    expect(gapDates(entryOf('^KS11'))).toEqual(['2021-03-17', '2021-05-27', '2021-06-08', '2021-06-25', '2021-07-09', '2024-08-30', '2024-09-13']);
    // PROVENANCE §1: Yahoo's STOXX series lack nine STOXX trading days in 2023-01..2025-03, Swiss holidays; four more fall in 2021–2022.
    const provenanceStoxxGaps = ['2023-01-02', '2023-05-18', '2023-05-29', '2023-08-01', '2024-01-02', '2024-05-09', '2024-05-20', '2024-08-01', '2025-01-02'];
    for (const symbol of ['^STOXX', '^STOXX50E']) {
      const dates = gapDates(entryOf(symbol));
      expect(dates.filter((date) => date >= '2023-01-01')).toEqual(provenanceStoxxGaps);
      expect(dates.filter((date) => date < '2023-01-01')).toEqual(['2021-05-13', '2022-05-26', '2022-06-06', '2022-08-01']);
    }
    expect(seriesBySymbol.get('^OMX')?.gaps.map((gap) => gap.from)).toEqual(['2021-02-15']);
    for (const symbol of ['BA.L', '^FTSE', 'RHM.DE', '^GDAXI', 'LDO.MI', 'FTSEMIB.MI', 'HO.PA', '^FCHI', 'SAAB-B.ST', '047810.KS', '079550.KS', ...TOKYO, ...NEW_YORK]) {
      expect([symbol, seriesBySymbol.get(symbol)?.gaps]).toEqual([symbol, []]);
    }
  });

  it('drops Hanwha Aerospace’s 18 suspension placeholder rows as a recorded gap, never as zero returns', () => {
    const hanwha = seriesBySymbol.get('012450.KS');
    if (!hanwha) throw new Error('012450.KS missing');
    expect(hanwha.gaps).toEqual([{ from: '2024-08-29', to: '2024-09-26', days: 18, reason: expect.stringMatching(/^a trading suspension: the placeholder rows .* are dropped, never kept as zero returns/) }]);
    const rows = readSnapshotCsv(hanwha.file).rows;
    const around = rows.filter(([date = '']) => date >= '2024-08-27' && date <= '2024-09-30').map(([date, , , , close]) => [date, close]);
    expect(around).toEqual([
      ['2024-08-27', '289299'],
      ['2024-08-28', '295411'],
      ['2024-09-27', '312151'],
      ['2024-09-30', expect.any(String)],
    ]);
    // The raw file holds the 18 rows: Open, High, Low 0, Volume 0, the 2024-08-28 close carried forward.
    const raw = readSharedConverted('global/raw/gyuchang1+stock_anal/stock_data/012450.csv').rows;
    const placeholders = raw.filter(([, open, high, low, , volume]) => [open, high, low, volume].every((cell) => cell === '0'));
    expect(placeholders.map(([date]) => date)).toEqual(gapDates(hanwha));
    expect(new Set(placeholders.map(([, , , , close]) => close))).toEqual(new Set(['295411']));
  });

  it('holds no price of 0 in any series (a placeholder kept would read as a zero return)', () => {
    for (const series of manifest.series) {
      const zeros = readSnapshotCsv(series.file).rows.filter((row) => row.slice(1, 6).some((cell) => cell !== '' && Number(cell) === 0));
      expect([series.symbol, zeros]).toEqual([series.symbol, []]);
    }
  });
});

function weekdaysOf2024(): string[] {
  const days: string[] = [];
  for (let time = Date.UTC(2024, 0, 1); time < Date.UTC(2025, 0, 1); time += 86_400_000) {
    const date = new Date(time).toISOString().slice(0, 10);
    if (!isWeekend(date)) days.push(date);
  }
  return days;
}

/** The trading days a series' gaps span: its exchange's days (the dates of any of the exchange's series) from..to. */
function gapDates(series: SnapshotSeriesEntry, gaps: readonly SeriesGap[] = series.gaps): string[] {
  const exchangeDays = [...new Set(manifest.series.filter((entry) => entry.exchange === series.exchange).flatMap((entry) => datesOf(entry.file)))].sort();
  return gaps.flatMap((gap) => exchangeDays.filter((date) => date >= gap.from && date <= gap.to));
}
