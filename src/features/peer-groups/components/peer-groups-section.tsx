import type { ReactNode } from 'react';
import type { GroupResult } from '../../../application/group-results.ts';
import type { DayRange } from '../../../core/types.ts';
import { exchangeByCode } from '../../../domain/exchanges.ts';
import type { SeriesProvenance } from '../../../domain/price-api.ts';
import { dataValue, formatDate, formatDayRange, formatNumber, formatPercent, formatPValue, MISSING } from '../../../lib/format.ts';
import { SIGNIFICANCE_LEGEND, significanceStars } from '../../../lib/significance.ts';
import './peer-groups.css';

interface PeerGroupsSectionProps {
  id: string;
  /** The groups of one event, in display order. */
  results: readonly GroupResult[];
  windows: readonly DayRange[];
  /** The provenance of each priced series, by symbol. */
  provenance: ReadonlyMap<string, SeriesProvenance>;
  /** The comparison chart, drawn by the charts feature. */
  chart: ReactNode;
  /** Inside an event's answer (under its h3): h4 and h5 headings, no panel of its own. */
  nested?: boolean;
}

/**
 * The peer groups of a study side by side: the comparison chart, each group's CAR per window with
 * its portfolio time-series t, and each member's exchange, benchmark, day 0 and price source.
 */
export function PeerGroupsSection({ id, results, windows, provenance, chart, nested = false }: PeerGroupsSectionProps) {
  const event = results[0]?.event;
  if (!event) return null;
  const Heading = nested ? 'h4' : 'h2';
  const TableHeading = nested ? 'h5' : 'h3';
  const failures = results.flatMap((result) => result.failures.map((failure) => ({ ...failure, group: result.group.label })));
  return (
    <section className={nested ? 'peer-groups nested' : 'panel peer-groups'} aria-labelledby={`${id}-title`} id={id} data-event={event.id}>
      <Heading id={`${id}-title`} className="peer-groups-title">
        Peer groups compared
      </Heading>
      <p className="group-method">
        Each group is one equally weighted portfolio of its members, each member measured against its own exchange&apos;s benchmark from its own day 0; groups are
        compared, never pooled. {testLine(results)}
      </p>
      {chart}
      {/* The title stands outside the scrolling box so that on a phone it wraps instead of scrolling away. */}
      <TableHeading className="group-table-title" id={`${id}-table-title`}>
        CAR of each group by window, {event.title} (p two-sided)
      </TableHeading>
      <div className="group-table-scroll" role="region" tabIndex={0} aria-labelledby={`${id}-table-title`}>
        <table className="group-table" aria-labelledby={`${id}-table-title`}>
          <thead>
            <tr>
              <th scope="col">Group (N)</th>
              {windows.map((window) => (
                <th scope="col" className="number" key={`${window.from}|${window.to}`}>
                  CAR {formatDayRange(window)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.group.id} data-group={result.group.id}>
                <th scope="row" title={result.group.description}>
                  {result.group.label} ({result.members.length})
                  {result.test ? <span className="group-test-name">by the {result.test.name}</span> : null}
                </th>
                {result.problem !== null ? (
                  <td colSpan={windows.length} className="group-problem">
                    {result.problem}
                  </td>
                ) : (
                  result.windows.map((window) => (
                    <td key={`${window.from}|${window.to}`} className="number" data-testid={`group-car-${result.group.id}-${window.from}-${window.to}`} data-value={dataValue(window.car)}>
                      <span className="group-car">
                        {formatPercent(window.car)}
                        <span className="stars">{significanceStars(window.test.pValue)}</span>
                      </span>
                      <span className="group-test" title={window.test.reason}>
                        {window.test.statistic === null ? 'n/a' : `t ${formatNumber(window.test.statistic, 2)}, p ${formatPValue(window.test.pValue)}`}
                      </span>
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="group-legend">{SIGNIFICANCE_LEGEND}. CAR: the mean of the members&apos; CARs, which is the portfolio&apos;s CAR when no member misses a day.</p>
      {failures.length > 0 ? (
        <ul className="group-failures" aria-label="Members that could not be studied">
          {failures.map((failure) => (
            <li key={`${failure.group}-${failure.symbol}`}>
              {failure.group}: {failure.message}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="group-members">
        <summary>Members: exchange, benchmark, day 0 and price source</summary>
        <div className="group-table-scroll" role="region" tabIndex={0} aria-label="Members of each group">
          <table className="group-table" aria-label="Members of each group">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Security</th>
                <th scope="col">Exchange</th>
                <th scope="col">Benchmark</th>
                <th scope="col">Day 0</th>
                <th scope="col">Prices</th>
              </tr>
            </thead>
            <tbody>
              {results.flatMap((result) =>
                result.members.map((member) => (
                  <tr key={`${result.group.id}-${member.symbol}`} data-member={member.symbol}>
                    <td>{result.group.label}</td>
                    <td>
                      {member.name} <span className="symbol">{member.symbol}</span>
                    </td>
                    <td>{exchangeByCode(member.exchange)?.name ?? member.exchange}</td>
                    <td>
                      {member.benchmarkName}
                      {member.benchmarkName === member.benchmark ? null : <span className="symbol"> {member.benchmark}</span>}
                    </td>
                    <td>{formatDate(member.dayZero)}</td>
                    <td className="group-source" title={provenance.get(member.symbol)?.source}>
                      {sourceOf(provenance.get(member.symbol))}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

// The test the rules pick for the groups, and why; each group's row names its own test too.
function testLine(results: readonly GroupResult[]): string {
  const tests = [...new Map(results.flatMap((result) => (result.test ? [[result.test.key, result.test] as const] : []))).values()];
  const [only] = tests;
  if (tests.length !== 1 || !only) return 'Each group is tested with the test its own shape calls for, named in its row.';
  return `Test: ${only.name}. ${only.why}`;
}

// "Yahoo via corrcheck-data @ 1a2b3c4": what a reader needs to find the file again; the badge has the rest.
function sourceOf(provenance: SeriesProvenance | undefined): string {
  if (!provenance) return MISSING;
  const where = provenance.repository ? `${provenance.repository}${provenance.commit ? ` @ ${provenance.commit.slice(0, 7)}` : ''}` : provenance.source;
  return `${where}; ${provenance.adjustment.split(/[.;(]/)[0]?.trim() ?? provenance.adjustment}`;
}
