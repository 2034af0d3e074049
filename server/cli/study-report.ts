/**
 * The engine's run on the study's units, with what the command line reports beside the numbers:
 * every unit that failed (with its events-file line), each unit's lost days and how many days each
 * of its CAR windows sums, and the warnings for stderr and the JSON.
 */
import { runStudy, type SecurityFailure, type StudyResult } from '../../src/core/index';
import { CliError } from './cli-error';
import { lostDaysOf, lostDaysWarning, windowCoverage, type LostDay, type WindowCoverage } from './lost-days';
import type { PlannedUnit, StudyInput, UnitFailure } from './study-input';

export interface UnitReport {
  planned: PlannedUnit;
  lost: LostDay[];
  coverage: WindowCoverage[];
}

export interface StudyReport {
  input: StudyInput;
  /** The engine's result; its failures also list the units that never reached it (events-file rows). */
  result: StudyResult;
  /** Every unit that could not be studied, by events-file line. */
  failures: UnitFailure[];
  warnings: string[];
  /** By unit id, for each security of the result. */
  units: Map<string, UnitReport>;
  /** Day 0 when every security shares it, else null. */
  dayZero: string | null;
}

/**
 * Runs the study and gathers the report.
 * @throws {CliError} without --events, when any security fails (a script asking for N securities
 *   gets N or an error), naming each.
 */
export function studyReport(input: StudyInput): StudyReport {
  const result = runStudy(input.units.map((planned) => planned.unit), input.options);
  const plannedById = new Map(input.units.map((planned) => [planned.unit.id, planned]));
  if (input.eventsFile === null && result.failures.length > 0) {
    throw new CliError(result.failures.map((failure) => failure.error.message).join('; '));
  }
  const engineFailures = result.failures.map((failure): UnitFailure => ({ line: plannedById.get(failure.id)?.line ?? null, security: failure.symbol, reason: failure.error.message }));
  const failures = [...input.failures, ...engineFailures].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const units = new Map<string, UnitReport>();
  const lostWarnings: string[] = [];
  for (const security of result.securities) {
    const planned = plannedById.get(security.id) as PlannedUnit;
    const lost = lostDaysOf(planned.unit, result.options);
    const coverage = windowCoverage(security, result.options.carWindows);
    units.set(security.id, { planned, lost, coverage });
    const label = `${planned.line === null ? '' : `line ${planned.line} `}${security.symbol} (day 0 ${security.dayZero})`;
    const warning = lostDaysWarning(label, lost, coverage);
    if (warning !== null) lostWarnings.push(warning);
  }
  const dayZeros = new Set(result.securities.map((security) => security.dayZero));
  return {
    input,
    result: { ...result, failures: [...input.failures.map(rowFailure), ...result.failures] },
    failures,
    warnings: [...input.warnings, ...lostWarnings],
    units,
    dayZero: dayZeros.size === 1 ? ([...dayZeros][0] as string) : null,
  };
}

function rowFailure(failure: UnitFailure): SecurityFailure {
  return {
    id: `line-${failure.line ?? 0}`,
    symbol: failure.security ?? `line ${failure.line ?? '?'}`,
    error: { code: 'INVALID_ROW', message: `line ${failure.line ?? '?'}: ${failure.reason}` },
  };
}
