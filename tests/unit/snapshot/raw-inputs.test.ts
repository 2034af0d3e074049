/**
 * Unit tests of the build script's readers. The small CSV texts below are MADE UP for the tests
 * (they only imitate the layouts of the real raw files); they are not market data.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeGaps } from '../../../server/scripts/exchange-gaps.ts';
import { exDividendDays } from '../../../server/scripts/ex-dividend-days.ts';
import { gitBlobId } from '../../../server/scripts/git-blob.ts';
import { dropPlaceholderRows } from '../../../server/scripts/placeholder-rows.ts';
import { priceLimitDays } from '../../../server/scripts/price-limit-days.ts';
import { readRawBars, SnapshotBuildError, splitCsvLine, type RawBar, type RawLayout } from '../../../server/scripts/raw-price-file.ts';
import { compareDailyReturns } from '../../../server/scripts/return-crosscheck.ts';
import { parseScriptArgs } from '../../../server/scripts/script-args.ts';
import { sharedDataDir } from './snapshot-files.ts';

const JQUANTS_LAYOUT: RawLayout = { headerLines: 1, date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' };
const YFINANCE_LAYOUT: RawLayout = { ...JQUANTS_LAYOUT, headerLines: 3, date: 'Price', adjClose: 'Adj Close' };

function bar(date: string, close: string, adjClose: string): RawBar {
  return { date, open: close, high: close, low: close, close, adjClose, volume: '1' };
}

describe('gitBlobId', () => {
  it('computes the ids git itself gives (git hash-object)', () => {
    // Well-known ids: the empty blob, and "hello\n" from the Git book's "Git Objects" chapter.
    expect(gitBlobId(new Uint8Array())).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('agrees with PROVENANCE.md on a real raw file (and with git when it is installed)', () => {
    const path = resolve(sharedDataDir, 'raw/keroppa88+chart0/7013.csv');
    const blob = gitBlobId(readFileSync(path));
    expect(blob.startsWith('b38728bd')).toBe(true);
    let gitAnswer: string | null = null;
    try {
      gitAnswer = execFileSync('git', ['hash-object', path], { encoding: 'utf8' }).trim();
    } catch {
      gitAnswer = null;
    }
    if (gitAnswer !== null) expect(blob).toBe(gitAnswer);
  });
});

describe('readRawBars', () => {
  it('copies cells as text, keeps AdjClose = Close without an adjusted column, and clips to the range', () => {
    const text = 'Date,Open,High,Low,Close,Volume,TradingValue\n2024-11-05,1129.9,1140.4,1111.4,1111.4,44580200,1\n2024-11-06,1120,1325.70,1112.9,1325.7,0,2\n2024-11-07,1,1,1,1,1,1\n';
    expect(readRawBars(text, 'x.csv', JQUANTS_LAYOUT, '2024-11-06', '2024-11-06')).toEqual([
      { date: '2024-11-06', open: '1120', high: '1325.70', low: '1112.9', close: '1325.7', adjClose: '1325.7', volume: '0' },
    ]);
  });

  it('reads the three-line yfinance header with CRLF line ends and a separate Adj Close', () => {
    const text = 'Price,Adj Close,Close,High,Low,Open,Volume\r\nTicker,GD,GD,GD,GD,GD,GD\r\nDate,,,,,,\r\n2024-11-06,300.5,308.46,309,301,302,100\r\n';
    expect(readRawBars(text, 'gd.csv', YFINANCE_LAYOUT, '2024-01-01', '2024-12-31')).toEqual([
      { date: '2024-11-06', open: '302', high: '309', low: '301', close: '308.46', adjClose: '300.5', volume: '100' },
    ]);
  });

  it('leaves a spreadsheet error cell empty instead of filling it', () => {
    const text = 'Date,Open,High,Low,Close,Volume\n2020-10-01,#VALUE!,#VALUE!,#VALUE!,#VALUE!,0\n';
    const [row] = readRawBars(text, 'halt.csv', JQUANTS_LAYOUT, '2020-01-01', '2020-12-31');
    expect(row).toEqual({ date: '2020-10-01', open: '', high: '', low: '', close: '', adjClose: '', volume: '0' });
  });

  it.each([
    ['a cell that is not a number', 'Date,Open,High,Low,Close,Volume\n2024-11-06,1,2,1,abc,5\n', /line 2: "abc" is neither a number/],
    ['a date out of order', 'Date,Open,High,Low,Close,Volume\n2024-11-06,1,2,1,2,5\n2024-11-05,1,2,1,2,5\n', /line 3: 2024-11-05 does not come after 2024-11-06/],
    ['a duplicated date', 'Date,Open,High,Low,Close,Volume\n2024-11-06,1,2,1,2,5\n2024-11-06,1,2,1,2,5\n', /does not come after/],
    ['a malformed date', 'Date,Open,High,Low,Close,Volume\n6/11/2024,1,2,1,2,5\n', /"6\/11\/2024" is not a YYYY-MM-DD date/],
    ['a missing column', 'Date,Open,High,Low,Volume\n2024-11-06,1,2,1,5\n', /has no column "Close"/],
  ])('rejects %s with a SnapshotBuildError naming the place', (_what, text, message) => {
    expect(() => readRawBars(text, 'bad.csv', JQUANTS_LAYOUT, '2000-01-01', '2100-01-01')).toThrow(SnapshotBuildError);
    expect(() => readRawBars(text, 'bad.csv', JQUANTS_LAYOUT, '2000-01-01', '2100-01-01')).toThrow(message);
  });
});

describe('readRawBars on the global files’ layouts', () => {
  it('reads an investing.com export: quoted cells, MM/DD/YYYY, newest first, thousands separators', () => {
    const layout: RawLayout = { headerLines: 1, date: 'Date', dateFormat: 'month-day-year', newestFirst: true, thousandsSeparators: true, open: 'Open', high: 'High', low: 'Low', close: 'Price' };
    const text = '"Date","Price","Open","High","Low","Vol.","Change %"\n"01/03/2025","1,001.500","990.000","1,010.000","985.250","1.21K","1.17%"\n"01/02/2025","990.000","980.000","995.000","975.000","","0.50%"\n';
    expect(readRawBars(text, 'rhm.csv', layout, '2025-01-01', '2025-12-31')).toEqual([
      { date: '2025-01-02', open: '980.000', high: '995.000', low: '975.000', close: '990.000', adjClose: '990.000', volume: '' },
      { date: '2025-01-03', open: '990.000', high: '1010.000', low: '985.250', close: '1001.500', adjClose: '1001.500', volume: '' },
    ]);
    expect(() => readRawBars(text.replace('"01/02/2025"', '"01/04/2025"'), 'rhm.csv', layout, '2025-01-01', '2025-12-31')).toThrow(/line 3: 2025-01-04 does not come before 2025-01-03/);
    expect(() => readRawBars(text.replace('"1,001.500"', '"1,0,01.5"'), 'rhm.csv', layout, '2025-01-01', '2025-12-31')).toThrow(/"1,0,01.5" is neither a number/);
    expect(() => readRawBars(text, 'rhm.csv', { ...layout, thousandsSeparators: false }, '2025-01-01', '2025-12-31')).toThrow(/line 2: "1,010.000" is neither a number/);
  });

  it('reads KRX column names in Korean and pandas timestamps at the exchange’s midnight, and leaves absent columns empty', () => {
    const korean: RawLayout = { headerLines: 1, date: '날짜', open: '시가', high: '고가', low: '저가', close: '종가', volume: '거래량' };
    expect(readRawBars('날짜,시가,고가,저가,종가,거래량,등락률\n2024-11-06,100,120,99,110,5000,10.0\n', 'krx.csv', korean, '2024-01-01', '2024-12-31')).toEqual([
      { date: '2024-11-06', open: '100', high: '120', low: '99', close: '110', adjClose: '110', volume: '5000' },
    ]);
    const pandas: RawLayout = { headerLines: 1, date: 'Date', dateFormat: 'iso-midnight', close: 'Close' };
    expect(readRawBars(',Date,Close\n0,2024-11-06 00:00:00+01:00,2553.13\n', 'omx.csv', pandas, '2024-01-01', '2024-12-31')).toEqual([
      { date: '2024-11-06', open: '', high: '', low: '', close: '2553.13', adjClose: '2553.13', volume: '' },
    ]);
    // A bar stamped at another hour cannot be placed on a trading day without knowing its zone.
    expect(() => readRawBars(',Date,Close\n0,2024-11-06 15:30:00+01:00,1\n', 'omx.csv', pandas, '2024-01-01', '2024-12-31')).toThrow(/is not a YYYY-MM-DD 00:00:00±hh:mm date/);
    expect(() => readRawBars('Date,Close\n2024-02-30,1\n', 'x.csv', { headerLines: 1, date: 'Date', close: 'Close' }, '2024-01-01', '2024-12-31')).toThrow(/"2024-02-30" is not a YYYY-MM-DD date/);
  });

  it('splits quoted CSV fields, with commas and doubled quotes inside them', () => {
    expect(splitCsvLine('"05/03/2022","1,222.400",x,,"say ""hi"""')).toEqual(['05/03/2022', '1,222.400', 'x', '', 'say "hi"']);
    expect(splitCsvLine('2024-11-06,1,2')).toEqual(['2024-11-06', '1', '2']);
  });
});

describe('dropPlaceholderRows', () => {
  const real = (date: string, close: string): RawBar => ({ date, open: close, high: close, low: close, close, adjClose: close, volume: '10' });
  const placeholder = (date: string, close: string): RawBar => ({ date, open: '0', high: '0', low: '0', close, adjClose: close, volume: '0' });
  const halt = { from: '2024-08-29', to: '2024-08-30', reason: 'a made-up suspension' };

  it('drops the declared placeholder rows of a suspension and keeps the rest', () => {
    const bars = [real('2024-08-28', '100'), placeholder('2024-08-29', '100'), placeholder('2024-08-30', '100'), real('2024-09-02', '103')];
    expect(dropPlaceholderRows(bars, halt, 'x.csv')).toEqual({ kept: [bars[0], bars[3]], dropped: ['2024-08-29', '2024-08-30'] });
  });

  it('refuses a price of 0 that is not declared, a declared row that is a real bar, and a declaration that matches nothing', () => {
    expect(() => dropPlaceholderRows([real('2024-08-28', '100'), placeholder('2024-08-29', '100')], undefined, 'x.csv')).toThrow(/2024-08-29 has a price of 0/);
    expect(() => dropPlaceholderRows([real('2024-08-29', '100')], halt, 'x.csv')).toThrow(/2024-08-29 is declared a placeholder row but is a real bar/);
    expect(() => dropPlaceholderRows([real('2024-09-02', '100')], halt, 'x.csv')).toThrow(/no placeholder rows between 2024-08-29 and 2024-08-30/);
  });
});

describe('compareDailyReturns', () => {
  const prices = (...points: [string, number][]) => points.map(([date, price]) => ({ date, price }));

  it('compares returns from the same previous day only, and names the dates one copy lacks', () => {
    // Made-up levels on two scales: the same returns except on 11-06.
    const here = prices(['2024-11-04', 100], ['2024-11-05', 110], ['2024-11-06', 121], ['2024-11-07', 133.1], ['2024-11-08', 133.1]);
    const there = prices(['2024-11-04', 50], ['2024-11-05', 55], ['2024-11-06', 61], ['2024-11-08', 61]);
    const comparison = compareDailyReturns(here, there);
    // 11-05 and 11-06 compare; 11-07 is missing there, so the two copies' 11-08 returns start from different days.
    expect(comparison.commonDays).toBe(2);
    expect(comparison.onlyHere).toEqual(['2024-11-07']);
    expect(comparison.onlyThere).toEqual([]);
    expect(comparison.beyondTolerance.map(({ date }) => date)).toEqual(['2024-11-06']);
    // 121/110 − 1 = 0.1 against 61/55 − 1 = 0.10909…: a difference of 1/110.
    expect(Math.abs((comparison.largest?.difference ?? 0) - 1 / 110)).toBeLessThan(1e-15);
    expect([comparison.firstDate, comparison.lastDate]).toEqual(['2024-11-04', '2024-11-08']);
  });

  it('allows the effect of the other copy’s rounding, and no more', () => {
    // Exact levels 10 and 10.123 against a copy rounded to 0.01: 10.12/10 − 1 differs from 0.0123 by 0.0003,
    // within the bound h(Sₜ + Sₜ₋₁)/(Sₜ₋₁(Sₜ₋₁ − h)) = 0.005 · 20.12 / (10 · 9.995) ≈ 0.001007; 10.14 is 0.0017 away.
    const here = prices(['2024-11-05', 10], ['2024-11-06', 10.123]);
    expect(compareDailyReturns(here, prices(['2024-11-05', 10], ['2024-11-06', 10.12]), 0.01).beyondTolerance).toEqual([]);
    expect(compareDailyReturns(here, prices(['2024-11-05', 10], ['2024-11-06', 10.12])).beyondTolerance).toHaveLength(1);
    expect(compareDailyReturns(here, prices(['2024-11-05', 10], ['2024-11-06', 10.14]), 0.01).beyondTolerance).toHaveLength(1);
  });
});

describe('exchangeGaps', () => {
  const series = (symbol: string, exchange: string, dates: string[], explained: [string, string][] = []) => ({ symbol, exchange, dates, explained: new Map(explained) });

  it('finds the exchange days a series lacks inside its own span and merges consecutive ones with the same reason', () => {
    const stock = series('A', 'XKRX', ['2024-08-27', '2024-08-28', '2024-08-29', '2024-08-30', '2024-09-02', '2024-09-03']);
    const index = series('I', 'XKRX', ['2024-08-27', '2024-09-03'], [
      ['2024-08-28', 'halt'],
      ['2024-08-29', 'halt'],
      ['2024-08-30', 'missing'],
      ['2024-09-02', 'missing'],
    ]);
    const late = series('L', 'XKRX', ['2024-09-02', '2024-09-03']);
    const gaps = exchangeGaps([stock, index, late]);
    expect(gaps.get('I')).toEqual([
      { from: '2024-08-28', to: '2024-08-29', days: 2, reason: 'halt' },
      { from: '2024-08-30', to: '2024-09-02', days: 2, reason: 'missing' },
    ]);
    // Days before a series starts are not its gaps, and other exchanges' days do not count.
    expect(gaps.get('L')).toEqual([]);
    expect(exchangeGaps([stock, series('N', 'XNYS', ['2024-08-27', '2024-09-03'])]).get('N')).toEqual([]);
  });

  it('refuses an unexplained gap and a claimed gap that is not one', () => {
    const stock = series('A', 'XKRX', ['2024-08-27', '2024-08-28', '2024-08-29']);
    expect(() => exchangeGaps([stock, series('I', 'XKRX', ['2024-08-27', '2024-08-29'])])).toThrow(/I has no bar on 2024-08-28, a trading day of XKRX/);
    expect(() => exchangeGaps([stock, series('I', 'XKRX', ['2024-08-27', '2024-08-28', '2024-08-29'], [['2024-08-28', 'x']])])).toThrow(/I is said to lack 2024-08-28, but it has a bar that day/);
    expect(() => exchangeGaps([series('I', 'XKRX', ['2024-08-27', '2024-08-29'], [['2024-08-28', 'x']])])).toThrow(/no series of XKRX has one/);
  });
});

describe('exDividendDays', () => {
  it('reads D / Close(t−1) from the step of Adj Close / Close', () => {
    // Close(t−1) = 100 with a dividend of 2 paid at t: Yahoo scales earlier closes by 1 − 2/100 = 0.98.
    const days = exDividendDays([bar('2024-09-26', '100', '98'), bar('2024-09-27', '99', '99'), bar('2024-09-30', '97', '97')], 'x.csv');
    expect(days).toHaveLength(1);
    expect(days[0]?.date).toBe('2024-09-27');
    expect(Math.abs((days[0]?.dividendShare ?? 0) - 0.02)).toBeLessThanOrEqual(1e-12);
  });

  it('ignores float32 rounding noise and skips rows with a missing price', () => {
    const noisy = [bar('2024-01-04', '100', '90.000001'), bar('2024-01-05', '', ''), bar('2024-01-09', '101', '90.9')];
    expect(exDividendDays(noisy, 'x.csv')).toEqual([]);
  });

  it('refuses a step down, which no dividend adjustment produces', () => {
    expect(() => exDividendDays([bar('2024-01-04', '100', '100'), bar('2024-01-05', '100', '95')], 'odd.csv')).toThrow(/ratio falls on 2024-01-05/);
  });
});

describe('priceLimitDays', () => {
  it('lists the days flagged UpLimit or UnderLimit inside the range', () => {
    const text = 'Date,Open,High,Low,Close,Volume,TradingValue,UpLimit,UnderLimit\n2024-08-05,1,1,1,1,1,1,0,1\n2024-08-06,1,1,1,1,1,1,0,0\n2024-11-06,1,1,1,1,1,1,1,0\n2025-04-07,1,1,1,1,1,1,0,1\n';
    expect(priceLimitDays(text, 'x.csv', '2024-01-01', '2025-03-31')).toEqual([
      { date: '2024-08-05', limit: 'lower' },
      { date: '2024-11-06', limit: 'upper' },
    ]);
  });

  it('needs both flag columns', () => {
    expect(() => priceLimitDays('Date,Open,UpLimit\n', 'x.csv', '2024-01-01', '2025-03-31')).toThrow(/no UpLimit \/ UnderLimit/);
  });
});

describe('parseScriptArgs', () => {
  it('separates positional arguments from --name value and --name=value options', () => {
    const args = parseScriptArgs(['../shared/data', '--out', '/tmp/x', '--built-at=2026-11-28T09:00:00Z'], ['out', 'built-at']);
    expect(args.positional).toEqual(['../shared/data']);
    expect(Object.fromEntries(args.options)).toEqual({ out: '/tmp/x', 'built-at': '2026-11-28T09:00:00Z' });
  });

  it('rejects an unknown option and an option without a value', () => {
    expect(() => parseScriptArgs(['--force'], ['out'])).toThrow(/unknown option --force/);
    expect(() => parseScriptArgs(['--out'], ['out'])).toThrow(/--out needs a value/);
  });
});
