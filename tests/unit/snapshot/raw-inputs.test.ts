/**
 * Unit tests of the build script's readers. The small CSV texts below are MADE UP for the tests
 * (they only imitate the layouts of the real raw files); they are not market data.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exDividendDays } from '../../../server/scripts/ex-dividend-days.ts';
import { gitBlobId } from '../../../server/scripts/git-blob.ts';
import { priceLimitDays } from '../../../server/scripts/price-limit-days.ts';
import { readRawBars, SnapshotBuildError, type RawBar, type RawLayout } from '../../../server/scripts/raw-price-file.ts';
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
