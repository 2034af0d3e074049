/**
 * The charts of a deck as data: each event's prices rebased to 100 at day −1, its securities'
 * daily ARs and CARs, and the group's AAR and CAAR with the CAAR's 95% band. The page's
 * presentation draws them as SVG and the PowerPoint builder as native charts, from the same numbers.
 */
import type { SecurityResult, StudyResult } from '../core/types.ts';
import type { PriceSeries } from '../domain/price-api.ts';
import type { ComposedUnit } from './compose-study.ts';
import { caarVariance, carBand } from './confidence-band.ts';
import type { DeckChart, DeckSeries } from './deck-types.ts';

/**
 * Okabe & Ito (2008) colour-blind-safe colours in the order securities take them (yellow left
 * out: it vanishes on white), each with a dash so lines stay apart in greyscale print.
 */
export const DECK_SERIES_COLOURS = ['0072B2', 'D55E00', '009E73', 'CC79A7', 'E69F00', '56B4E9'] as const;
export const DECK_BENCHMARK_COLOUR = '333333';
export const DECK_GROUP_COLOUR = '000000';
export const DECK_BAND_COLOUR = '9AA5B1';
const AAR_COLOUR = '8A96A3';

/** The colour of the security at `index` in the user's order. */
export function securityColour(index: number): string {
  return DECK_SERIES_COLOURS[index % DECK_SERIES_COLOURS.length] ?? DECK_SERIES_COLOURS[0];
}

/**
 * The relative days every chart of an event spans: the event window, widened to day −1, the day
 * prices are rebased on.
 * @example chartDays({ from: -5, to: 10 }).length // 16
 */
export function chartDays(eventWindow: { from: number; to: number }): number[] {
  const from = Math.min(eventWindow.from, -1);
  return Array.from({ length: eventWindow.to - from + 1 }, (_, index) => from + index);
}

/**
 * Prices rebased to 100 at day −1, 100·P(t)/P(−1) of the adjusted close on each unit's own calendar,
 * for each security of the event and each benchmark once (dashed). A series without a price on day
 * −1 cannot be rebased and stays empty.
 * @throws never
 */
export function priceChart(input: { id: string; title: string; units: readonly ComposedUnit[]; series: readonly PriceSeries[]; days: number[]; colourOf: (symbol: string) => string }): DeckChart {
  const bySymbol = new Map(input.series.map((series) => [series.symbol, series]));
  const lines: DeckSeries[] = input.units.map((unit) => ({ name: unit.name, kind: 'line', values: rebased(unit, bySymbol.get(unit.symbol), input.days), colour: input.colourOf(unit.symbol), dashed: false }));
  const benchmarks = new Map(input.units.map((unit) => [unit.benchmark, unit]));
  for (const unit of benchmarks.values()) {
    lines.push({ name: unit.benchmarkName, kind: 'line', values: rebased(unit, bySymbol.get(unit.benchmark), input.days), colour: DECK_BENCHMARK_COLOUR, dashed: true });
  }
  return {
    id: input.id,
    title: input.title,
    altText: `Line chart of ${lines.map((line) => line.name).join(', ')} rebased to 100 at day −1, from day ${input.days[0]} to day +${input.days.at(-1)}.`,
    days: input.days,
    unit: 'index',
    series: lines,
    band: null,
    markers: [],
    range: valueRange(lines.flatMap((line) => line.values)),
  };
}

/**
 * Each security's daily abnormal return (bars) and its CAR from the start of the event window (line).
 * @throws never
 */
export function abnormalReturnChart(input: { id: string; title: string; securities: readonly SecurityResult[]; names: ReadonlyMap<string, string>; days: number[]; colourOf: (symbol: string) => string }): DeckChart {
  const valueOn = (security: SecurityResult, key: 'ar' | 'car') => input.days.map((day) => security.days.find((item) => item.relativeDay === day)?.[key] ?? null);
  const name = (security: SecurityResult) => input.names.get(security.symbol) ?? security.symbol;
  const series: DeckSeries[] = [
    ...input.securities.map((security): DeckSeries => ({ name: `AR ${name(security)}`, kind: 'bar', values: valueOn(security, 'ar'), colour: input.colourOf(security.symbol), dashed: false })),
    ...input.securities.map((security): DeckSeries => ({ name: `CAR ${name(security)}`, kind: 'line', values: valueOn(security, 'car'), colour: input.colourOf(security.symbol), dashed: false })),
  ];
  return {
    id: input.id,
    title: input.title,
    altText: `Daily abnormal returns (bars) and cumulative abnormal returns (lines) of ${input.securities.map(name).join(' and ')}, day ${input.days[0]} to day +${input.days.at(-1)}.`,
    days: input.days,
    unit: 'percent',
    series,
    band: null,
    markers: [],
    range: valueRange(series.flatMap((item) => item.values)),
  };
}

/**
 * The group's daily AAR (bars), its CAAR (line) and the CAAR's 95% band, CAAR ± 1.96·sqrt(var CAAR)
 * with var CAAR = Σ var(CARᵢ)/N² (MacKinlay 1997), drawn only on days every security of the day's
 * n has a CAR variance.
 * @throws never
 */
export function groupChart(input: { id: string; title: string; result: StudyResult; days: number[] }): DeckChart {
  const byDay = new Map(input.result.aggregate.days.map((day) => [day.relativeDay, day]));
  const bands = input.days.map((day) => {
    const entry = byDay.get(day);
    if (!entry) return null;
    const variances = input.result.securities.map((security) => security.days.find((item) => item.relativeDay === day)?.carVariance ?? null).filter((value) => value !== null);
    const variance = variances.length === entry.n ? caarVariance(variances) : null;
    return variance === null ? null : carBand(entry.caar, variance);
  });
  const series: DeckSeries[] = [
    { name: 'AAR', kind: 'bar', values: input.days.map((day) => byDay.get(day)?.aar ?? null), colour: AAR_COLOUR, dashed: false },
    { name: 'CAAR', kind: 'line', values: input.days.map((day) => byDay.get(day)?.caar ?? null), colour: DECK_GROUP_COLOUR, dashed: false },
  ];
  const band = { name: '95% band of the CAAR', low: bands.map((item) => item?.low ?? null), high: bands.map((item) => item?.high ?? null), colour: DECK_BAND_COLOUR };
  return {
    id: input.id,
    title: input.title,
    altText: `Average abnormal return of each day (bars) and cumulative average abnormal return (line) with its 95% band, day ${input.days[0]} to day +${input.days.at(-1)}.`,
    days: input.days,
    unit: 'percent',
    series,
    band,
    markers: [],
    range: valueRange([...series.flatMap((item) => item.values), ...band.low, ...band.high]),
  };
}

function rebased(unit: ComposedUnit, series: PriceSeries | undefined, days: readonly number[]): (number | null)[] {
  const closes = new Map((series?.bars ?? []).map((bar) => [bar.date, bar.adjClose]));
  const zero = unit.unit.dates.indexOf(unit.unit.dayZero);
  const baseDate = unit.unit.dates[zero - 1];
  const base = baseDate === undefined ? null : (closes.get(baseDate) ?? null);
  return days.map((day) => {
    const date = zero < 0 ? undefined : unit.unit.dates[zero + day];
    const close = date === undefined ? null : (closes.get(date) ?? null);
    return base === null || base === 0 || close === null ? null : 100 * (close / base);
  });
}

/**
 * A y range covering the values and zero's side of them, widened to whole steps of 1, 2 or 5 times a
 * power of ten (Heckbert 1990) so the axis reads in round numbers, about five steps tall.
 * @example valueRange([-0.021, 0.182]) // { min: -0.05, max: 0.2, step: 0.05 }
 */
export function valueRange(values: readonly (number | null)[]): DeckChart['range'] {
  const finite = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const low = Math.min(...finite, finite.length === 0 ? 0 : Infinity);
  const high = Math.max(...finite, finite.length === 0 ? 1 : -Infinity);
  const span = high > low ? high - low : Math.abs(high) || 1;
  const power = 10 ** Math.floor(Math.log10(span / 5));
  const step = ([1, 2, 5, 10].find((multiple) => span / (multiple * power) <= 6) ?? 10) * power;
  const round = (value: number) => Number(value.toPrecision(12));
  return { min: round(Math.floor(low / step) * step), max: round(Math.ceil(high / step) * step), step: round(step) };
}
