import { EventStudyError, isEventStudyError } from './errors';
import { analyseSecurity, studyRelativeDays, type SecurityAnalysis } from './security-analysis';
import { PortfolioSums } from './portfolio-time-series-test';
import { ScratchBuffer } from './scratch-buffer';
import { aggregateStudy } from './study-aggregate';
import { StudyColumns } from './study-columns';
import type { SecurityFailure, StudyOptions, StudyResult, StudyUnit } from './types';
import { validateStudyOptions } from './windows';

/**
 * Runs an event study (MacKinlay 1997): for each unit (a security on an event) fits the normal-return
 * model over the estimation window and computes AR, CAR, their exact variances, SAR/SCAR, t and
 * BHAR; then across the units AAR/CAAR with the cross-sectional t, Patell Z, BMP t,
 * Kolari–Pynnönen t, J1, J2, sign, generalized sign, rank and Wilcoxon tests, daily and for each
 * CAR window. A unit that cannot be analysed (too few estimation days, constant series, event
 * outside its data, bad values) is listed in `failures` with its code and message, and the
 * aggregate uses the units that succeeded. Missing days stay missing and are counted in `lostDays`
 * (see {@link analyseSecurity} for the convention); aggregate conventions are in
 * {@link aggregateStudy}.
 *
 * @param units one per security and event, e.g. from {@link buildStudyUnit}.
 * @param options windows and model; see DEFAULT_STUDY_OPTIONS.
 * @throws EventStudyError INVALID_WINDOW / INVALID_INPUT for invalid options only.
 * @example runStudy([unit7011, unit7013], DEFAULT_STUDY_OPTIONS).aggregate.windows[0].tests.bmpT
 */
export function runStudy(units: readonly StudyUnit[], options: StudyOptions): StudyResult {
  const resolved = validateStudyOptions(options);
  if (!Array.isArray(units)) throw new EventStudyError('INVALID_INPUT', 'A study needs a list of securities.');
  const analyses: SecurityAnalysis[] = [];
  const failures: SecurityFailure[] = [];
  // Every security's estimation and event residuals in one buffer, rather than one array each, and
  // its event days and windows in the study's columns, both reused from study to study (see
  // ScratchBuffer). Row r belongs to the r-th security analysed; a failed one leaves its row to the
  // next. Each security's usable returns join the portfolio of the portfolio time-series test as
  // soon as it succeeds.
  const relativeDays = studyRelativeDays(resolved);
  const seriesLength = relativeDays.length;
  const factorCount = resolved.factors?.length ?? 0;
  const portfolio = new PortfolioSums(relativeDays, factorCount);
  const returns = new Float64Array(seriesLength);
  const marketReturns = new Float64Array(seriesLength);
  const factorReturns = Array.from({ length: factorCount }, () => new Float64Array(seriesLength));
  const residuals = residualPanel.float64(units.length * seriesLength);
  const eventLength = resolved.eventWindow.to - resolved.eventWindow.from + 1;
  const columns = StudyColumns.forStudy(units.length, eventLength, resolved.carWindows.length);
  for (const unit of units) {
    const row = analyses.length;
    try {
      const target = { columns, row, residuals: residuals.subarray(row * seriesLength, (row + 1) * seriesLength), returns, marketReturns, factorReturns };
      analyses.push(analyseSecurity(unit, resolved, target));
      portfolio.add(returns, marketReturns, factorReturns);
    } catch (error) {
      failures.push(failureOf(unit, error));
    }
  }
  return {
    options: resolved,
    securities: analyses.map((analysis) => analysis.result),
    failures,
    aggregate: aggregateStudy(analyses, resolved, columns, portfolio),
  };
}

const residualPanel = new ScratchBuffer();

function failureOf(unit: StudyUnit, error: unknown): SecurityFailure {
  const known = isEventStudyError(error);
  const detail = error instanceof Error ? error.message : String(error);
  return {
    id: unit.id,
    symbol: unit.symbol,
    ...(unit.eventId === undefined ? {} : { eventId: unit.eventId }),
    error: {
      code: known ? error.code : 'INVALID_INPUT',
      // An unforeseen error is reported rather than thrown, so one bad unit never hides the others.
      message: known ? error.message : `${unit.symbol}: could not be analysed (${detail}).`,
    },
  };
}
