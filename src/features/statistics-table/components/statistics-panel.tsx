import type { AggregateWindow } from '../../../core/types.ts';
import type { TestFit } from '../../../domain/test-choice.ts';
import { SIGNIFICANCE_LEGEND } from '../../../lib/significance.ts';
import { plainEnglishReading } from '../utils/reading.ts';
import { PortfolioTable } from './portfolio-table.tsx';
import { CarTable, SecurityTable, type SecurityRow } from './security-table.tsx';
import './statistics-table.css';

export interface StatisticsPanelProps {
  id: string;
  rows: SecurityRow[];
  portfolioWindows: AggregateWindow[];
  /** What the portfolio table tests (the focused event or event cluster), for its caption. */
  portfolioTitle?: string;
  /** Whether each test fits the study: the rows of those that do not are greyed, with the reason. */
  testFits?: readonly TestFit[];
  showEvent: boolean;
  /** The model, windows and data source, so the tables can be read on their own. */
  methodNote: string;
}

/**
 * The numbers behind the charts, and their text alternative: one plain-English line per security,
 * the per-security tables and the portfolio tests, each significant figure starred.
 */
export function StatisticsPanel({ id, rows, portfolioWindows, portfolioTitle, testFits = [], showEvent, methodNote }: StatisticsPanelProps) {
  return (
    <section id={id} className="panel statistics" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Statistics</h2>
      <p className="method-note">{methodNote}</p>
      <ul className="readings" aria-label="Plain-English reading">
        {rows.map((row) => (
          <li key={row.key} data-unit={row.key}>
            {row.result ? plainEnglishReading(row.name, row.result) : `${row.name}: ${row.failure ?? 'no result'}`}
            {showEvent ? <span className="reading-event"> ({row.eventTitle})</span> : null}
          </li>
        ))}
      </ul>
      {/* Scroll regions wider tables scroll in: focusable so the keyboard can scroll them, named by their caption. */}
      <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="security-table-title">
        <SecurityTable rows={rows} showEvent={showEvent} />
      </div>
      <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="car-table-title">
        <CarTable rows={rows} showEvent={showEvent} />
      </div>
      {portfolioWindows.length > 0 ? (
        <div className="table-scroll" role="region" tabIndex={0} aria-labelledby="portfolio-table-title">
          <PortfolioTable windows={portfolioWindows} title={portfolioTitle} fits={testFits} />
        </div>
      ) : null}
      <p className="legend">
        {SIGNIFICANCE_LEGEND}. <span className="legend-hint">Hover a number for its full precision.</span>
      </p>
    </section>
  );
}
