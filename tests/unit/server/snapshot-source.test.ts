import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotUnavailableError, UnknownSymbolError } from '../../../server/errors.ts';
import { parseSnapshotCsv } from '../../../server/sources/snapshot-csv.ts';
import { SnapshotSource } from '../../../server/sources/snapshot-source.ts';
import { PROJECT_ROOT } from '../../../server/versions.ts';
import { chartBody, TOKYO_FIXTURES } from './helpers/yahoo-fake.ts';
import { madeUpManifest, madeUpSnapshot, MADE_UP_CSV, tempDir } from './helpers/temp-snapshot.ts';

const REAL_SNAPSHOT = path.join(PROJECT_ROOT, 'data/snapshot');
const HEADER = 'Date,Open,High,Low,Close,AdjClose,Volume';

function percentChange(later: number, earlier: number): number {
  return Math.round((later / earlier - 1) * 10_000) / 100;
}

describe('SnapshotSource on the real data/snapshot', () => {
  const snapshot = new SnapshotSource(REAL_SNAPSHOT);

  it('serves MHI 7011.T around the election with the closes of CROSSCHECK.md (+9.85% on 2024-11-06)', async () => {
    const series = await snapshot.fetchSeries({ symbol: '7011.T', from: '2024-11-01', to: '2024-11-07' });
    expect(series.bars.map((bar) => [bar.date, bar.close])).toEqual([
      ['2024-11-01', 2113.5],
      ['2024-11-05', 2060],
      ['2024-11-06', 2263],
      ['2024-11-07', 2256],
    ]);
    expect(percentChange(2263, 2060)).toBe(9.85);
    expect(series).toMatchObject({ exchangeTimezoneName: 'Asia/Tokyo', currency: 'JPY', exchange: 'XTKS' });
    expect(series.provenance.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(series.warnings).toEqual([]);
  });

  it('serves IHI 7013.T: limit-up close 1325.7 on 2024-11-06, +19.28% (CROSSCHECK.md, ÷7 scale)', async () => {
    const series = await snapshot.fetchSeries({ symbol: '7013.T', from: '2024-11-05', to: '2024-11-06' });
    const [before, after] = series.bars;
    expect([before?.close, after?.close]).toEqual([1111.4, 1325.7]);
    expect(percentChange(1325.7, 1111.4)).toBe(19.28);
  });

  it('lists 7011.T and 7013.T with benchmarks and coverage from the manifest', async () => {
    const symbols = await snapshot.symbols();
    const mhi = symbols.find((info) => info.symbol === '7011.T');
    expect(mhi).toMatchObject({ exchange: 'XTKS', kind: 'equity', currency: 'JPY', exchangeTimezoneName: 'Asia/Tokyo' });
    expect(mhi?.benchmarks.length).toBeGreaterThan(0);
    expect(mhi!.firstDate <= '2023-01-04' && mhi!.lastDate >= '2025-03-31').toBe(true);
    expect(symbols.map((info) => info.symbol)).toContain('7013.T');
  });

  it('lists every symbol with its exchange (ISO 10383 MIC), currency and coverage, so a picker can tell which windows a series cannot cover', async () => {
    const symbols = new Map((await snapshot.symbols()).map((info) => [info.symbol, info]));
    expect(symbols.size).toBe(32);
    expect(symbols.get('BA.L')).toMatchObject({ exchange: 'XLON', currency: 'GBp', exchangeTimezoneName: 'Europe/London', benchmarks: ['^FTSE', '^STOXX'], gaps: [] });
    expect(symbols.get('RHM.DE')).toMatchObject({ exchange: 'XETR', currency: 'EUR', exchangeTimezoneName: 'Europe/Berlin' });
    expect(symbols.get('^STOXX50E')).toMatchObject({ exchange: 'XETR', kind: 'index' });
    expect(symbols.get('SAAB-B.ST')).toMatchObject({ exchange: 'XSTO', currency: 'SEK' });
    expect(symbols.get('LHX')).toMatchObject({ exchange: 'XNYS', currency: 'USD', benchmarks: ['^GSPC'] });
    // The three series whose only source is short (data/README.md).
    expect(symbols.get('7721.T')).toMatchObject({ firstDate: '2021-02-02', lastDate: '2024-12-24' });
    expect(symbols.get('NOC')).toMatchObject({ firstDate: '2023-09-11', lastDate: '2025-03-31' });
    expect(symbols.get('GD')).toMatchObject({ firstDate: '2023-09-11', lastDate: '2025-03-31' });
    expect(symbols.get('012450.KS')).toMatchObject({
      exchange: 'XKRX',
      currency: 'KRW',
      gaps: [{ from: '2024-08-29', to: '2024-09-26', days: 18, reason: expect.stringMatching(/trading suspension/) }],
    });
    for (const info of symbols.values()) expect(['XTKS', 'XNYS', 'XLON', 'XETR', 'XPAR', 'XMIL', 'XSTO', 'XKRX']).toContain(info.exchange);
  });

  it('serves BAE Systems (BA.L) around the election: +4.922% on 2024-11-06 (global/PROVENANCE.md)', async () => {
    const series = await snapshot.fetchSeries({ symbol: 'BA.L', from: '2024-11-05', to: '2024-11-06' });
    const [before, after] = series.bars;
    expect([before?.date, after?.date]).toEqual(['2024-11-05', '2024-11-06']);
    expect(Math.round(((after?.adjClose ?? 0) / (before?.adjClose ?? 1) - 1) * 100_000) / 1000).toBe(4.922);
    expect(before).toMatchObject({ open: null, high: null, low: null, volume: null });
    expect(series).toMatchObject({ exchange: 'XLON', currency: 'GBp', exchangeTimezoneName: 'Europe/London', warnings: [] });
  });

  it('warns when the range holds days the series lacks on its exchange (Hanwha’s suspension), and only then', async () => {
    const halted = await snapshot.fetchSeries({ symbol: '012450.KS', from: '2024-08-01', to: '2024-10-31' });
    expect(halted.bars.some((bar) => bar.date >= '2024-08-29' && bar.date <= '2024-09-26')).toBe(false);
    expect(halted.warnings).toEqual([expect.stringMatching(/^012450\.KS: the offline snapshot has no bars from 2024-08-29 to 2024-09-26, 18 trading days of Korea Exchange: a trading suspension: the placeholder rows/)]);
    const later = await snapshot.fetchSeries({ symbol: '012450.KS', from: '2024-10-01', to: '2024-11-08' });
    expect(later.warnings).toEqual([]);
    const kospi = await snapshot.fetchSeries({ symbol: '^KS11', from: '2024-09-01', to: '2024-09-30' });
    expect(kospi.warnings).toEqual([expect.stringMatching(/^\^KS11: the offline snapshot has no bar on 2024-09-13, a trading day of Korea Exchange: absent from the only copied KOSPI file/)]);
  });

  it('reads every series of the manifest, with the row count and dates it states', async () => {
    const manifest = await snapshot.manifest();
    for (const entry of manifest.series) {
      const series = await snapshot.fetchSeries({ symbol: entry.symbol, from: '1900-01-01', to: '2099-12-31' });
      expect([entry.symbol, series.bars.length, series.bars[0]?.date, series.bars.at(-1)?.date]).toEqual([entry.symbol, entry.rows, entry.firstDate, entry.lastDate]);
    }
  });

  it('keeps provenance fields beyond the wire type (the analyst sees all of them)', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REAL_SNAPSHOT, 'manifest.json'), 'utf8')) as { series: { symbol: string; provenance: object }[] };
    const series = await snapshot.fetchSeries({ symbol: '7011.T', from: '2024-11-06', to: '2024-11-06' });
    expect(series.provenance).toEqual(manifest.series.find((entry) => entry.symbol === '7011.T')?.provenance);
  });

  it('is the source of the constructed Tokyo Yahoo fixtures: same prices and volumes, byte for byte', async () => {
    for (const [symbol, file] of Object.entries(TOKYO_FIXTURES)) {
      const { bars } = await snapshot.fetchSeries({ symbol, from: '2024-10-28', to: '2024-11-08' });
      const body = chartBody(file) as { chart: { result: [{ indicators: { quote: [Record<string, unknown[]>]; adjclose: [{ adjclose: unknown[] }] } }] } };
      const { quote, adjclose } = body.chart.result[0].indicators;
      expect(quote[0].close).toEqual(bars.map((bar) => bar.close));
      expect(quote[0].open).toEqual(bars.map((bar) => bar.open));
      expect(quote[0].volume).toEqual(bars.map((bar) => bar.volume));
      expect(adjclose[0].adjclose).toEqual(bars.map((bar) => bar.adjClose));
    }
  });

  it('warns when the range reaches well beyond the snapshot, not for a few closed days', async () => {
    const early = await snapshot.fetchSeries({ symbol: '7011.T', from: '2019-01-01', to: '2024-11-06' });
    expect(early.warnings[0]).toMatch(/^7011\.T: the offline snapshot covers \d{4}-\d{2}-\d{2} to 2025-03-31 only/);
    const manifest = await snapshot.manifest();
    const firstDate = manifest.series.find((entry) => entry.symbol === '7011.T')!.firstDate;
    const nearly = await snapshot.fetchSeries({ symbol: '7011.T', from: firstDate.slice(0, 8) + '01', to: '2024-11-06' });
    expect(nearly.warnings).toEqual([]);
  });

  it('refuses a symbol it does not hold, naming the ones it does', async () => {
    const error = await snapshot.fetchSeries({ symbol: '7203.T', from: '2024-11-01', to: '2024-11-07' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownSymbolError);
    expect((error as Error).message).toMatch(/^7203\.T is not in the offline snapshot, which holds .*7011\.T.*PRICE_SOURCE=live or auto/);
  });
});

describe('SnapshotSource on a made-up snapshot', () => {
  it('reads a manifest without gaps (npm run data:refresh writes none) as a series without gaps', async () => {
    const directory = await madeUpSnapshot();
    const symbols = await new SnapshotSource(directory).symbols();
    expect(symbols.map((info) => [info.symbol, info.gaps])).toEqual([
      ['7011.T', []],
      ['^N225', []],
    ]);
  });
});

describe('SnapshotSource on a broken snapshot', () => {
  it('reports a missing manifest, then recovers once it appears (failures are not remembered)', async () => {
    const directory = await tempDir('snapshot');
    const snapshot = new SnapshotSource(directory);
    await expect(snapshot.symbols()).rejects.toThrow(SnapshotUnavailableError);
    await expect(snapshot.symbols()).rejects.toThrow(/manifest\.json is missing.*npm run data:snapshot/);
    await writeFile(path.join(directory, 'manifest.json'), JSON.stringify(madeUpManifest()));
    await writeFile(path.join(directory, '7011.T.csv'), MADE_UP_CSV);
    expect((await snapshot.symbols()).map((info) => info.symbol)).toEqual(['7011.T', '^N225']);
    expect((await snapshot.fetchSeries({ symbol: '7011.T', from: '2024-11-06', to: '2024-11-06' })).bars[0]?.close).toBe(115);
  });

  it.each([
    ['invalid JSON', '{"builtAt":', /manifest\.json is not valid JSON/],
    ['a file outside the folder', JSON.stringify({ ...(madeUpManifest() as object), series: [{ ...(madeUpManifest() as { series: object[] }).series[0], file: '../secret.csv' }] }), /series\.0\.file/],
    ['a missing field', JSON.stringify({ builtAt: 'x', series: [] }), /builtBy/],
  ])('refuses a manifest with %s', async (_label, text, message) => {
    const directory = await madeUpSnapshot();
    await writeFile(path.join(directory, 'manifest.json'), text);
    await expect(new SnapshotSource(directory).symbols()).rejects.toThrow(message);
  });

  it('reports a CSV named in the manifest but missing', async () => {
    const directory = await tempDir('snapshot');
    await writeFile(path.join(directory, 'manifest.json'), JSON.stringify(madeUpManifest()));
    const error = await new SnapshotSource(directory).fetchSeries({ symbol: '7011.T', from: '2024-11-01', to: '2024-11-07' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SnapshotUnavailableError);
    expect((error as Error).message).toContain('7011.T.csv is missing');
  });
});

describe('parseSnapshotCsv', () => {
  it('reads empty cells as missing values, never as zero', () => {
    const bars = parseSnapshotCsv(MADE_UP_CSV, 'made-up.csv');
    expect(bars).toHaveLength(9);
    expect(bars[2]).toEqual({ date: '2024-10-30', open: 101, high: 103, low: 100, close: 102, adjClose: 102, volume: null });
    expect(bars[7]).toMatchObject({ date: '2024-11-07', close: null, adjClose: null, volume: null });
  });

  it.each([
    ['a wrong header', 'Date,Close\n2024-11-06,1', /does not start with the header/],
    ['a word for a number', `${HEADER}\n2024-11-06,1,2,1,abc,1,1`, /line 2: Close "abc" is not a number/],
    ['Infinity', `${HEADER}\n2024-11-06,1,2,1,Infinity,1,1`, /Close "Infinity"/],
    ['hex', `${HEADER}\n2024-11-06,0x10,2,1,1,1,1`, /Open "0x10"/],
    ['a blank for a number', `${HEADER}\n2024-11-06,1,2,1, ,1,1`, /Close " "/],
    ['a missing cell', `${HEADER}\n2024-11-06,1,2,1,1,1`, /6 cells instead of 7/],
    ['an impossible date', `${HEADER}\n2024-02-30,1,2,1,1,1,1`, /"2024-02-30" is not a YYYY-MM-DD date/],
    ['dates out of order', `${HEADER}\n2024-11-06,1,2,1,1,1,1\n2024-11-05,1,2,1,1,1,1`, /line 3: 2024-11-05 does not come after 2024-11-06/],
    ['a repeated date', `${HEADER}\n2024-11-06,1,2,1,1,1,1\n2024-11-06,1,2,1,1,1,1`, /does not come after/],
  ])('refuses %s, naming file and line', (_label, text, message) => {
    expect(() => parseSnapshotCsv(text, 'x.csv')).toThrow(SnapshotUnavailableError);
    expect(() => parseSnapshotCsv(text, 'x.csv')).toThrow(message);
  });

  it('accepts CRLF line ends, a byte-order mark and exponent notation', () => {
    const bars = parseSnapshotCsv(`\uFEFF${HEADER}\r\n2024-11-06,1e3,2,1,1.5,1.5,12\r\n`, 'x.csv');
    expect(bars).toEqual([{ date: '2024-11-06', open: 1000, high: 2, low: 1, close: 1.5, adjClose: 1.5, volume: 12 }]);
  });
});
