/**
 * Readers for tests/fixtures/event-study-synthetic/ — SYNTHETIC returns and the reference numbers
 * that estudy2 0.10.0, EventStudy 0.50.0 and a base-R MacKinlay (1997) computation produced from
 * them (see that folder's README.md and NOTE.md). Numbers are read from the files, never pasted.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { runStudy } from '../../../src/core/study';
import type { DayRange, ModelKind, StudyOptions, StudyResult, StudyUnit } from '../../../src/core/types';

const folder = new URL('../../fixtures/event-study-synthetic/', import.meta.url);

export type Row = Record<string, string>;

export const SECURITIES = ['SYN_A', 'SYN_B', 'SYN_C', 'SYN_D', 'SYN_E'] as const;

interface WindowsFile {
  day0: string;
  estimation: { rel: [number, number]; M: number };
  gap: { rel: [number, number] };
  event: { rel: [number, number]; L: number };
}

export const windowsFile = JSON.parse(readFileSync(new URL('windows.json', folder), 'utf8')) as WindowsFile;
export const DAY_ZERO = windowsFile.day0;
export const ESTIMATION_WINDOW = rangeOf(windowsFile.estimation.rel);
export const EVENT_WINDOW = rangeOf(windowsFile.event.rel);

export function readFixture(file: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(new URL(file, folder), 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as T;
}

/** A numeric cell; NA or a blank fails the test rather than turning into NaN. */
export function cell(row: Row, column: string): number {
  const text = row[column];
  const value = Number(text);
  if (text === undefined || text === '' || text === 'NA' || !Number.isFinite(value)) {
    throw new Error(`column ${column} holds ${text}, not a number`);
  }
  return value;
}

/** "[-5, 2]" or "[0,1]" → { from, to }. */
export function windowOf(text: string | undefined): DayRange {
  const match = /^\[\s*(-?\d+)\s*,\s*(-?\d+)\s*\]$/.exec(text ?? '');
  if (!match) throw new Error(`not a window: ${text}`);
  return { from: Number(match[1]), to: Number(match[2]) };
}

/** The five synthetic securities as study units on the fixture's calendar. */
export function syntheticUnits(): StudyUnit[] {
  const rows = readFixture('input_simple_returns.csv');
  const dates = rows.map((row) => row.date ?? '');
  const returnsOf = (column: string) => rows.map((row) => cell(row, column));
  return SECURITIES.map((symbol) => ({
    id: symbol,
    symbol,
    benchmark: 'SYN_MKT',
    dates,
    returns: returnsOf(symbol),
    marketReturns: returnsOf('SYN_MKT'),
    dayZero: DAY_ZERO,
  }));
}

/**
 * The "gaps" scenario of kabuto_dependence_tests.R (SYNTHETIC, as the script builds it): the five
 * securities with returns deleted (SYN_B on relative days -100, -50, +2; SYN_D on -120, -50, 0),
 * a sixth unit SYN_A with day 0 = 2024-10-29 and SYN_E as its benchmark, and relative day -60 of
 * every unit deleted.
 */
export function gapScenarioUnits(): StudyUnit[] {
  const [first, ...others] = syntheticUnits() as [StudyUnit, ...StudyUnit[]];
  const shifted: StudyUnit = {
    ...first,
    id: 'SYN_A@2024-10-29',
    benchmark: 'SYN_E',
    marketReturns: (others[3] as StudyUnit).returns,
    dayZero: '2024-10-29',
  };
  const deleted: Record<string, number[]> = { SYN_B: [-100, -50, 2], SYN_D: [-120, -50, 0] };
  return [first, ...others, shifted].map((unit) => {
    const zero = unit.dates.indexOf(unit.dayZero);
    const returns = [...unit.returns];
    for (const day of [...(deleted[unit.id] ?? []), -60]) returns[zero + day] = null;
    return { ...unit, returns };
  });
}

/** Every cumulative window [-5, k] of the event window, then the named windows of the textbook. */
export function cumulativeWindows(): DayRange[] {
  const windows: DayRange[] = [];
  for (let to = EVENT_WINDOW.from; to <= EVENT_WINDOW.to; to += 1) windows.push({ from: EVENT_WINDOW.from, to });
  return windows;
}

export function fixtureOptions(model: ModelKind, carWindows: DayRange[] = cumulativeWindows()): StudyOptions {
  return {
    model,
    estimationWindow: ESTIMATION_WINDOW,
    gap: rangeOf(windowsFile.gap.rel),
    eventWindow: EVENT_WINDOW,
    carWindows,
    minimumEstimationDays: 30,
  };
}

export function runFixtureStudy(model: ModelKind, carWindows?: DayRange[]): StudyResult {
  const result = runStudy(syntheticUnits(), fixtureOptions(model, carWindows));
  expect(result.failures).toEqual([]);
  return result;
}

/**
 * |actual − expected| ≤ tolerance·|expected| + 1e-15: truly relative, so small numbers such as
 * var(AR) ≈ 5e-4 are held to 9 significant digits (the brief's max(1, |expected|) form would let
 * them drift by 0.2%); the 1e-15 only absorbs rounding when the expected value is 0.
 */
export function expectClose(actual: number | null | undefined, expected: number, label = '', tolerance = 1e-9): void {
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  const difference = Math.abs((actual as number) - expected);
  expect(difference, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected) + 1e-15);
}

function rangeOf([from, to]: [number, number]): DayRange {
  return { from, to };
}
