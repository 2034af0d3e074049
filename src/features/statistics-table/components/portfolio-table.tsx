import type { AggregateWindow } from '../../../core/types.ts';
import { formatDayRange, formatNumber, formatPercent, formatPValue } from '../../../lib/format.ts';
import { significanceStars } from '../../../lib/significance.ts';
import { PORTFOLIO_TESTS } from '../../../domain/portfolio-tests.ts';
import { testTermId } from '../../../domain/glossary.ts';
import type { TestFit } from '../../../domain/test-choice.ts';
import { GlossaryTerm } from '../../../lib/glossary-term.tsx';
import { NumberCell } from './number-cell.tsx';

// Module-level formatters keep each NumberCell's props equal between renders, so unchanged cells skip.
const percent = (value: number | null) => formatPercent(value);
const fixed2 = (value: number | null) => formatNumber(value, 2);

interface PortfolioTableProps {
  windows: AggregateWindow[];
  /** The caption: what the rows test. */
  title?: string;
  /** Tests the study does not fit are greyed, with the reason beside their name. */
  fits?: readonly TestFit[];
}

/**
 * The portfolio tests: for each CAR window, the CAAR and every test's statistic and two-sided
 * p-value; a test that cannot be computed says why in a numbered note, and a test whose
 * assumptions the study breaks is greyed with the reason (still computed, still exported).
 */
export function PortfolioTable({ windows, title = 'Portfolio tests by CAR window (statistic, p-value)', fits = [] }: PortfolioTableProps) {
  const reasons = notComputedReasons(windows);
  return (
    <>
    <table className="stats-table" aria-labelledby="portfolio-table-title">
      <caption id="portfolio-table-title">{title}</caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Test
          </th>
          {windows.map((window) => (
            <th scope="colgroup" colSpan={2} key={`${window.from}|${window.to}`} className="number">
              {formatDayRange(window)}
            </th>
          ))}
        </tr>
        <tr>
          {windows.map((window) => [
            <th scope="col" className="number" key={`s${window.from}|${window.to}`}>
              stat.
            </th>,
            <th scope="col" className="number" key={`p${window.from}|${window.to}`}>
              p
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">CAAR (N)</th>
          {windows.map((window) => [
            <NumberCell key={`c${window.from}|${window.to}`} value={window.caar} format={percent} testId={`caar-${window.from}-${window.to}`} />,
            <td key={`n${window.from}|${window.to}`} className="number">
              ({window.n})
            </td>,
          ])}
        </tr>
        {PORTFOLIO_TESTS.map((test) => {
          const unfit = fits.find((fit) => fit.key === test.key && !fit.fits);
          return (
          <tr key={test.key} data-test={test.key} className={unfit ? 'does-not-fit' : undefined} data-fits={unfit ? 'false' : 'true'}>
            <th scope="row" title={test.source}>
              <GlossaryTerm id={testTermId(test.key)}>{test.name}</GlossaryTerm>
              {unfit ? <span className="unfit-reason">{unfit.reasons.join(' ')}</span> : null}
            </th>
            {windows.map((window) => {
              const result = window.tests[test.key];
              if (result.statistic === null) {
                return (
                  <td key={`${window.from}|${window.to}`} colSpan={2} className="number not-computed">
                    n/a<sup>{reasons.indexOf(result.reason) + 1}</sup>
                  </td>
                );
              }
              return [
                <NumberCell key={`s${window.from}|${window.to}`} value={result.statistic} format={fixed2} suffix={significanceStars(result.pValue)} />,
                <NumberCell key={`p${window.from}|${window.to}`} value={result.pValue} format={formatPValue} />,
              ];
            })}
          </tr>
          );
        })}
      </tbody>
    </table>
    {reasons.length > 0 ? (
      <ol className="table-notes" aria-label="Why some tests could not be computed">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ol>
    ) : null}
    </>
  );
}

function notComputedReasons(windows: readonly AggregateWindow[]): string[] {
  const reasons = windows.flatMap((window) => PORTFOLIO_TESTS.map((test) => window.tests[test.key].reason).filter((reason) => reason !== undefined));
  return [...new Set(reasons)];
}
