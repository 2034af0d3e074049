import type { SecurityResult } from '../../../core/types.ts';
import { formatDate, formatDayRange, formatNumber, formatPercent, formatPValue } from '../../../lib/format.ts';
import { significanceStars } from '../../../lib/significance.ts';
import { GlossaryTerm } from '../../../lib/glossary-term.tsx';
import { NumberCell } from './number-cell.tsx';

/** One security on one event, as the tables show it. */
export interface SecurityRow {
  key: string;
  symbol: string;
  name: string;
  eventTitle: string;
  benchmark: string;
  result: SecurityResult | null;
  /** Why there is no result (too few estimation days, no prices, …). */
  failure: string | null;
}

// Module-level formatters keep each NumberCell's props equal between renders, so unchanged cells skip.
const percent = (value: number | null) => formatPercent(value);
const percent3 = (value: number | null) => formatPercent(value, 3);
const fixed3 = (value: number | null) => formatNumber(value, 3);
const fixed2 = (value: number | null) => formatNumber(value, 2);

/** Per security: the model fit, the day-0 abnormal return and the buy-and-hold abnormal return. */
export function SecurityTable({ rows, showEvent }: { rows: SecurityRow[]; showEvent: boolean }) {
  return (
    <table className="stats-table" aria-labelledby="security-table-title">
      <caption id="security-table-title">Per security: market model fit and day-0 abnormal return</caption>
      <thead>
        <tr>
          <th scope="col">Security</th>
          {showEvent ? <th scope="col">Event</th> : null}
          <th scope="col">Day 0</th>
          <th scope="col">Benchmark</th>
          <th scope="col" className="number">α (daily)</th>
          <th scope="col" className="number">β</th>
          <th scope="col" className="number">R²</th>
          <th scope="col" className="number" title="Estimation days with both returns present (M)">Est. days</th>
          <th scope="col" className="number" title="Days of the estimation and event windows without a return">Lost days</th>
          <th scope="col" className="number">
            <GlossaryTerm id="ar">AR</GlossaryTerm>(0)
          </th>
          <th scope="col" className="number">
            <GlossaryTerm id="bhar">BHAR</GlossaryTerm>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-unit={row.key}>
            <th scope="row">
              {row.name} <span className="symbol">{row.symbol}</span>
            </th>
            {showEvent ? <td>{row.eventTitle}</td> : null}
            {row.result ? <ResultCells result={row.result} unitKey={row.key} /> : <FailureCells row={row} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResultCells({ result, unitKey }: { result: SecurityResult; unitKey: string }) {
  const dayZero = result.days.find((day) => day.relativeDay === 0);
  const arTest = result.windows.find((window) => window.from === 0 && window.to === 0)?.t;
  return (
    <>
      <td>{formatDate(result.dayZero)}</td>
      <td>{result.benchmark}</td>
      <NumberCell value={result.fit.alpha} format={percent3} />
      <NumberCell value={result.fit.beta} format={fixed3} />
      <NumberCell value={result.fit.rSquared} format={fixed3} />
      <td className="number" data-value={result.fit.estimationDays}>
        {result.fit.estimationDays}
      </td>
      <td className="number" data-value={result.lostDays}>
        {result.lostDays}
      </td>
      <NumberCell value={dayZero?.ar ?? null} format={percent} suffix={significanceStars(arTest?.pValue ?? null)} testId={`ar0-${unitKey}`} />
      <NumberCell value={result.bhar} format={percent} />
    </>
  );
}

function FailureCells({ row }: { row: SecurityRow }) {
  return (
    <>
      <td>—</td>
      <td>{row.benchmark}</td>
      <td colSpan={7} className="failure-cell" role="note">
        {row.failure ?? 'No result.'}
      </td>
    </>
  );
}

/** Per security and CAR window: CAR, its t statistic and two-sided p-value, and the window's BHAR. */
export function CarTable({ rows, showEvent }: { rows: SecurityRow[]; showEvent: boolean }) {
  const withResults = rows.filter((row): row is SecurityRow & { result: SecurityResult } => row.result !== null);
  return (
    <table className="stats-table" aria-labelledby="car-table-title">
      <caption id="car-table-title">
        Per security: cumulative abnormal return by window
        <span className="caption-note">t = CAR / sqrt(var CAR) (MacKinlay 1997); two-sided p from Student's t with the degrees of freedom of s² (M − 2 for the market model).</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Security</th>
          {showEvent ? <th scope="col">Event</th> : null}
          <th scope="col">Window</th>
          <th scope="col" className="number">
            <GlossaryTerm id="car">CAR</GlossaryTerm>
          </th>
          <th scope="col" className="number">
            <GlossaryTerm id="security-t">t</GlossaryTerm>
          </th>
          <th scope="col" className="number">
            <GlossaryTerm id="p-value">p</GlossaryTerm>
          </th>
          <th scope="col" className="number">
            <GlossaryTerm id="bhar">BHAR</GlossaryTerm>
          </th>
        </tr>
      </thead>
      <tbody>
        {withResults.flatMap((row) =>
          row.result.windows.map((window, index) => (
            <tr key={`${row.key}|${window.from}|${window.to}`} className={index === 0 ? 'group-start' : undefined}>
              <th scope="row">{index === 0 ? row.name : <span className="visually-hidden">{row.name}</span>}</th>
              {showEvent ? <td>{index === 0 ? row.eventTitle : ''}</td> : null}
              <td>{formatDayRange(window)}</td>
              <NumberCell value={window.car} format={percent} suffix={significanceStars(window.t.pValue)} testId={`car-${row.key}-${window.from}-${window.to}`} />
              <NumberCell value={window.t.statistic} format={fixed2} />
              <NumberCell value={window.t.pValue} format={formatPValue} />
              <NumberCell value={window.bhar} format={percent} />
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
