/**
 * Readers for the synthetic event-study reference fixture (SYNTHETIC returns, not market data).
 * The CSV files in tests/fixtures/event-study-synthetic/ are byte-for-byte copies of
 * /work/shared/fixtures/event-study-synthetic/ (estudy2 0.10.0, EventStudy 0.50.0 and a base-R
 * MacKinlay computation; see that folder's README for every convention). Numbers are written with
 * 17 significant digits, so Number() recovers the exact doubles R printed.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import type { RankSeries } from '../../../../src/core/corrado-rank-test';

const fixtureFolder = new URL('../../../fixtures/event-study-synthetic/', import.meta.url);

/** Day 0 of the fixture, as stated in its windows.json. */
export const DAY_ZERO = '2024-11-06';
/** Estimation window of the fixture (windows.json: rel [-130, -11], M = 120). */
export const ESTIMATION_WINDOW = { from: -130, to: -11 } as const;

export type Row = Record<string, string>;

export function readFixture(file: string): Row[] {
  const text = readFileSync(new URL(file, fixtureFolder), 'utf8');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

/** A fixture cell as a number; fails the test on NA or a blank. */
export function numberOf(row: Row, column: string): number {
  const cell = row[column];
  const value = Number(cell);
  if (cell === undefined || cell === '' || cell === 'NA' || !Number.isFinite(value)) {
    throw new Error(`column ${column} holds ${cell}, not a number`);
  }
  return value;
}

export interface SecurityAbnormalReturns {
  security: string;
  /** Every fixture date of the security with its relative trading day and flags. */
  days: { date: string; relativeDay: number; abnormal: number; inEstimation: boolean; inEvent: boolean }[];
}

export type Model = 'sim' | 'mrkt_adj' | 'mean_adj';

/** estudy2_<model>_ar_all_dates.csv grouped by security; relative days counted from DAY_ZERO. */
export function abnormalReturnsByModel(model: Model): SecurityAbnormalReturns[] {
  const rows = readFixture(`estudy2_${model}_ar_all_dates.csv`);
  const bySecurity = new Map<string, Row[]>();
  for (const row of rows) {
    const security = row.security ?? '';
    bySecurity.set(security, [...(bySecurity.get(security) ?? []), row]);
  }
  return [...bySecurity].map(([security, securityRows]) => {
    const dayZeroIndex = securityRows.findIndex((row) => row.date === DAY_ZERO);
    if (dayZeroIndex < 0) throw new Error(`${security} has no row on ${DAY_ZERO}`);
    return {
      security,
      days: securityRows.map((row, index) => ({
        date: row.date ?? '',
        relativeDay: index - dayZeroIndex,
        abnormal: numberOf(row, 'abnormal'),
        inEstimation: row.in_estimation === 'TRUE',
        inEvent: row.in_event === 'TRUE',
      })),
    };
  });
}

/** One rank series per security over its estimation and event-window days, as estudy2 ranks them. */
export function rankSeriesOf(securities: readonly SecurityAbnormalReturns[]): RankSeries[] {
  return securities.map(({ days }) => {
    const ranked = days.filter((day) => day.inEstimation || day.inEvent);
    return {
      abnormalReturns: ranked.map((day) => day.abnormal),
      relativeDays: ranked.map((day) => day.relativeDay),
    };
  });
}

export function eventDayOf(securities: readonly SecurityAbnormalReturns[], date: string) {
  const days = securities.map((security) => security.days.find((day) => day.date === date));
  const first = days[0];
  if (!first || days.some((day) => day === undefined || !day.inEvent)) {
    throw new Error(`${date} is not an event-window day of every security`);
  }
  return { relativeDay: first.relativeDay, abnormalReturns: days.map((day) => day?.abnormal ?? NaN) };
}

export function estimationAbnormalReturnsOf(securities: readonly SecurityAbnormalReturns[]): number[][] {
  return securities.map(({ days }) => days.filter((day) => day.inEstimation).map((day) => day.abnormal));
}

/** |actual − expected| ≤ tolerance·max(1, |expected|): "1e-9 relative" as the issue asks. */
export function expectRelativelyClose(actual: number | null, expected: number, tolerance = 1e-9): void {
  expect(actual).not.toBeNull();
  const difference = Math.abs((actual ?? NaN) - expected);
  expect(difference, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
