/**
 * Source lines for investors, derived from the REAL provenance of the offline snapshot's series
 * (data/snapshot/manifest.json) and of a live Yahoo answer (server/sources/yahoo-source.ts's text).
 */
import { describe, expect, it } from 'vitest';
import { citeSeries, dataSourceLine } from '../../../src/domain/source-line.ts';
import { manifest } from '../app/helpers/snapshot-api.ts';

const series = (symbol: string) => {
  const found = manifest.series.find((item) => item.symbol === symbol);
  if (!found) throw new Error(`${symbol} is not in the snapshot`);
  return found;
};

describe('dataSourceLine', () => {
  it('cites the default study the way a research note does, without repositories or commits', () => {
    const line = dataSourceLine(['7011.T', '7013.T', 'TOPIX', '^GSPC'].map(series));
    expect(line).toBe('Prices: JPX via J-Quants, split-adjusted; TOPIX: JPX; S&P 500: S&P Dow Jones Indices via Yahoo Finance');
    expect(line).not.toMatch(/keroppa88|commit|github/i);
  });

  it('names the symbols of each vendor when the prices come from more than one', () => {
    expect(dataSourceLine(['7013.T', '7721.T', 'LMT', '^N225'].map(series))).toBe(
      'Prices: JPX via J-Quants, split-adjusted (7013.T); Yahoo Finance, split- and dividend-adjusted (7721.T, LMT); Nikkei 225: Nikkei Inc. via Yahoo Finance',
    );
  });

  it("cites every snapshot series by a publisher or vendor, never as 'source not stated'", () => {
    for (const item of manifest.series) expect(citeSeries(item), item.symbol).not.toBe('source not stated');
    expect(citeSeries(series('012450.KS'))).toBe('KRX via FinanceDataReader, adjusted for capital changes');
    expect(citeSeries(series('^GDAXI'))).toBe('STOXX via Yahoo Finance, total return');
    expect(citeSeries(series('^KS11'))).toBe('Korea Exchange');
  });

  it('cites live Yahoo prices as Yahoo Finance', () => {
    const live = { symbol: '7011.T', name: 'MHI', provenance: { source: 'yahoo-finance2 chart(), fetched 2026-11-28T07:00:00Z', adjustment: 'Open, High, Low and Close split-adjusted; AdjClose split- and dividend-adjusted by Yahoo as of the fetch' } };
    expect(dataSourceLine([live])).toBe('Prices: Yahoo Finance, split- and dividend-adjusted');
    expect(citeSeries({ symbol: 'X', name: 'X', provenance: { source: 'A file from somewhere.', adjustment: '' } })).toBe('source not stated');
  });
});
