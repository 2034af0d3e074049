/**
 * Engine benchmark: a market-model study with every test (parametric and nonparametric, daily and
 * for four CAR windows) on SYNTHETIC returns generated here from a seeded PRNG — not market data.
 * 500 trading days per security, estimation [-250, -11], event window [-10, +10], one common
 * market series and event date (the project's case: many stocks, one event).
 */
import { corradoRankTest } from '../../src/core/corrado-rank-test';
import { analyseSecurity, type SecurityAnalysis } from '../../src/core/security-analysis';
import { runStudy } from '../../src/core/study';
import type { ResolvedStudyOptions, StudyOptions, StudyUnit } from '../../src/core/types';
import { validateStudyOptions } from '../../src/core/windows';
import { medianMilliseconds, type Bench } from './bench';

const TRADING_DAYS = 500;
const DAY_ZERO_INDEX = 480;
const SIZES = [10, 100, 1_000, 10_000] as const;

const OPTIONS: StudyOptions = {
  model: 'market',
  estimationWindow: { from: -250, to: -11 },
  eventWindow: { from: -10, to: 10 },
  carWindows: [
    { from: 0, to: 0 },
    { from: 0, to: 1 },
    { from: -1, to: 1 },
    { from: -10, to: 10 },
  ],
  minimumEstimationDays: 30,
};

export const engineBench: Bench = {
  name: `Engine: market-model study, all tests, ${TRADING_DAYS} days per security, estimation [-250,-11], event [-10,+10]`,
  columns: ['securities', 'runs', 'ms per study (median)', 'µs per security', 'of which rank tests (ms)'],
  run() {
    const dates = syntheticDates(TRADING_DAYS);
    const normal = seededNormal(20241106);
    const market = Array.from({ length: TRADING_DAYS }, () => 0.0004 + 0.01 * normal());
    return SIZES.map((size) => {
      const units = Array.from({ length: size }, (_, index) => syntheticUnit(index, dates, market, normal));
      const runs = size >= 10_000 ? 3 : size >= 1_000 ? 7 : 21;
      const milliseconds = medianMilliseconds(() => {
        const result = runStudy(units, OPTIONS);
        if (result.failures.length > 0) throw new Error(`bench study failed: ${result.failures[0]?.error.message}`);
      }, runs);
      const options = validateStudyOptions(OPTIONS);
      const analyses = units.map((unit) => analyseSecurity(unit, options));
      const rankMilliseconds = medianMilliseconds(() => rankTestsOf(analyses, options), runs);
      return [
        String(size),
        String(runs),
        milliseconds.toFixed(2),
        ((milliseconds * 1000) / size).toFixed(1),
        rankMilliseconds.toFixed(2),
      ];
    });
  },
};

/**
 * The Corrado/Cowan rank tests exactly as runStudy calls them (every event day, then each CAR
 * window), on a fresh series array as in each study, so the rank test's per-study cache starts empty.
 */
function rankTestsOf(analyses: readonly SecurityAnalysis[], options: ResolvedStudyOptions): void {
  const series = analyses.map((analysis) => analysis.rankSeries);
  for (let day = options.eventWindow.from; day <= options.eventWindow.to; day += 1) corradoRankTest(series, [day]);
  for (const window of options.carWindows) {
    const days = Array.from({ length: window.to - window.from + 1 }, (_, offset) => window.from + offset);
    corradoRankTest(series, days, { estimationWindow: options.estimationWindow });
  }
}

function syntheticUnit(index: number, dates: readonly string[], market: readonly number[], normal: () => number): StudyUnit {
  const beta = 0.6 + normal() * 0.2 + 0.6;
  const returns = market.map((marketReturn) => 0.0002 + beta * marketReturn + 0.018 * normal());
  return {
    id: `SYN${index}`,
    symbol: `SYN${index}`,
    benchmark: 'SYN_MKT',
    dates,
    returns,
    marketReturns: market,
    dayZero: dates[DAY_ZERO_INDEX] as string,
  };
}

/** Consecutive weekdays from 2023-01-02: a synthetic calendar. */
function syntheticDates(count: number): string[] {
  const dates: string[] = [];
  const day = new Date(Date.UTC(2023, 0, 2));
  while (dates.length < count) {
    if (day.getUTCDay() % 6 !== 0) dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

/** Mulberry32 uniforms turned into N(0,1) by Box–Muller: seeded, so every run sees the same data. */
function seededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
