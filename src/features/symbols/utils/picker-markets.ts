import { coverageNotes, type CoverageNote } from '../../../application/series-coverage.ts';
import type { StudyOptions } from '../../../core/types.ts';
import { defaultBenchmark, EXCHANGE_CODES, EXCHANGE_REGISTRY, type Exchange } from '../../../domain/exchanges.ts';
import type { PriceSeries, SymbolInfo } from '../../../domain/price-api.ts';
import type { StudyEvent } from '../../../domain/study-event.ts';

/** One exchange of the picker: its securities, the benchmarks it offers and the one chosen. */
export interface PickerMarket {
  exchange: Exchange;
  securities: SymbolInfo[];
  /** The registry's benchmarks of the exchange that the server can price, default first. */
  benchmarks: string[];
  chosenBenchmark: string;
}

/**
 * The picker's markets: the server's equities grouped by registered exchange, in registry order,
 * each with the registry's benchmarks for it. Offline, only benchmarks the snapshot holds are
 * offered; live, every registered one (Yahoo prices them).
 * @throws never
 * @example pickerMarkets(symbols, { XTKS: '^N225' }, false)[0].chosenBenchmark // '^N225'
 */
export function pickerMarkets(symbols: readonly SymbolInfo[], chosen: Readonly<Record<string, string>>, live: boolean): PickerMarket[] {
  const served = new Set(symbols.map((info) => info.symbol));
  return EXCHANGE_CODES.flatMap((code) => {
    const exchange: Exchange = EXCHANGE_REGISTRY[code];
    const securities = symbols.filter((info) => info.kind !== 'index' && info.exchange === code);
    if (securities.length === 0) return [];
    const benchmarks = exchange.benchmarks.filter((symbol) => live || served.has(symbol));
    const choice = chosen[code];
    const chosenBenchmark = choice !== undefined && benchmarks.includes(choice) ? choice : (benchmarks[0] ?? defaultBenchmark(exchange));
    return [{ exchange, securities, benchmarks, chosenBenchmark }];
  });
}

/**
 * The coverage notes of every security of the picker, for the study's events and windows, on the
 * calendar of its exchange's chosen benchmark when the page has loaded its prices (the calendar the
 * study will use); securities of other exchanges get none until then.
 * @throws never
 */
export function pickerCoverage(markets: readonly PickerMarket[], loaded: readonly PriceSeries[], events: readonly StudyEvent[], options: StudyOptions): Map<string, CoverageNote[]> {
  const notes = new Map<string, CoverageNote[]>();
  for (const market of markets) {
    const benchmark = loaded.find((series) => series.symbol === market.chosenBenchmark);
    if (!benchmark) continue;
    const calendar = { exchange: market.exchange, tradingDays: benchmark.bars.map((bar) => bar.date) };
    for (const info of market.securities) {
      const found = coverageNotes(info, events, options, calendar);
      if (found.length > 0) notes.set(info.symbol, found);
    }
  }
  return notes;
}

/**
 * What the picker says of a series' span when no study window is known to check it against: its
 * first or last date when it starts later or ends earlier than most, and its gaps.
 * @throws never
 * @example spanFacts(noc, symbols) // 'prices from 2023-09-11'
 */
export function spanFacts(info: SymbolInfo, symbols: readonly SymbolInfo[]): string | null {
  const usual = (values: string[]) => values.sort()[Math.floor(values.length / 2)] ?? '';
  const facts: string[] = [];
  if (info.firstDate > usual(symbols.map((item) => item.firstDate))) facts.push(`prices from ${info.firstDate}`);
  if (info.lastDate < usual(symbols.map((item) => item.lastDate))) facts.push(`prices to ${info.lastDate}`);
  for (const gap of info.gaps) facts.push(`${gap.days} trading day${gap.days === 1 ? '' : 's'} without prices from ${gap.from}`);
  return facts.length > 0 ? facts.join('; ') : null;
}
