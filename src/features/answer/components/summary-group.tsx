import type { ReactNode } from 'react';
import { groupRowLabel, pValuePart, volumeSentence, type SummaryGroup, type TestedNumber } from '../../../application/study-summary.ts';
import { testTermId } from '../../../domain/glossary.ts';
import { formatDate, formatDayRange } from '../../../lib/format.ts';
import { GlossaryTerm } from '../../../lib/glossary-term.tsx';

interface SummaryGroupViewProps {
  group: SummaryGroup;
  /** Heading level of the group's title: 3 on the page, 2 on a slide. */
  headingLevel?: 2 | 3;
  /** More sections under the table (e.g. results per group of securities). */
  children?: ReactNode;
}

/**
 * One event (or event cluster) of the answer: each security's day-0 abnormal return, CAR over
 * [0, +1] and over the event window with their p-values in words, then the group under the test the
 * rules pick, naming it, with its cross-check and the tests that do not fit. Presentational only, so
 * the slides can show the same thing.
 * @example <SummaryGroupView group={summary.groups[0]} />
 */
export function SummaryGroupView({ group, headingLevel = 3, children }: SummaryGroupViewProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `answer-${slug(group.id)}`;
  const windowLabel = formatDayRange(group.eventWindow);
  const unfit = group.tests.filter((test) => !test.fits);
  return (
    <article className="answer-group" aria-labelledby={headingId} data-group={group.id}>
      <Heading id={headingId} className="answer-group-title">
        {group.title}
      </Heading>
      <p className="answer-group-when">
        {group.dayZero === null ? 'Day 0 differs by security' : <><GlossaryTerm id="day-zero">Day 0</GlossaryTerm> {formatDate(group.dayZero)}</>} ·{' '}
        <GlossaryTerm id="event-window">event window</GlossaryTerm> {windowLabel}
      </p>
      {group.securities.length > 0 ? (
        <>
          <GroupNumbers group={group} windowLabel={windowLabel} />
          <VolumeLines group={group} />
          {children}
        </>
      ) : null}
      {group.securities.some((security) => security.notes.length > 0 || security.excludedDays > 0) ? (
        <ul className="answer-notes" aria-label="Notes on the data">
          {group.securities.flatMap((security) => [
            ...security.notes.map((note) => (
              <li key={`${security.symbol}|${note}`}>
                {security.name}, {note}
              </li>
            )),
            ...(security.excludedDays > 0 ? [<li key={`${security.symbol}|excluded`}>{security.name}: {security.excludedDays} estimation days left out (other events' windows).</li>] : []),
          ])}
        </ul>
      ) : null}
      {group.failures.length > 0 ? (
        <ul className="answer-failures" aria-label="Securities without a result">
          {group.failures.map((failure) => (
            <li key={failure.symbol}>
              {failure.name}: {failure.message}
            </li>
          ))}
        </ul>
      ) : null}
      {unfit.length > 0 && group.securities.length > 0 ? (
        <details className="answer-unfit">
          <summary>
            {unfit.length} {unfit.length === 1 ? 'test does' : 'tests do'} not fit this study (computed and exported, greyed)
          </summary>
          <ul>
            {unfit.map((test) => (
              <li key={test.key} className="does-not-fit" data-test={test.key}>
                <GlossaryTerm id={testTermId(test.key)}>{test.name}</GlossaryTerm>: {test.reasons.join(' ')} Day 0: {test.dayZero.words}.
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}

/** The group's table (each security, then the group under its test) and why that test. */
function GroupNumbers({ group, windowLabel }: { group: SummaryGroup; windowLabel: string }) {
  return (
    <>
      <table className="answer-table">
        <thead>
          <tr>
            <th scope="col">Security</th>
            <th scope="col">
              Day-0 <GlossaryTerm id="ar">AR</GlossaryTerm>
            </th>
            <th scope="col">
              <GlossaryTerm id="car">CAR</GlossaryTerm> [0, +1]
            </th>
            <th scope="col">
              <GlossaryTerm id="car">CAR</GlossaryTerm> {windowLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.securities.map((security) => (
            <tr key={security.symbol} data-symbol={security.symbol}>
              <th scope="row">
                {security.name} <span className="symbol">{security.symbol}</span>
              </th>
              <AnswerCell number={security.dayZeroAr} label="Day-0 AR" testId={`answer-ar0-${group.id}:${security.symbol}`} />
              <AnswerCell number={security.earlyCar} label="CAR [0, +1]" />
              <AnswerCell number={security.windowCar} label={`CAR ${windowLabel}`} />
            </tr>
          ))}
          {group.result ? (
            <tr className="answer-group-row">
              <th scope="row">
                {groupRowLabel(group.result.n)}
                <span className="answer-test-name">
                  by the <GlossaryTerm id={testTermId(group.choice.test)}>{group.choice.name}</GlossaryTerm>
                </span>
              </th>
              <AnswerCell number={group.result.dayZeroAar} label="Day-0 AAR" testId={`answer-aar0-${group.id}`} />
              <AnswerCell number={group.result.earlyCaar} label="CAAR [0, +1]" />
              <AnswerCell number={group.result.windowCaar} label={`CAAR ${windowLabel}`} />
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="answer-why">
        {group.choice.why}
        {group.result?.crossCheck ? (
          <>
            {' '}
            Cross-check, <GlossaryTerm id={testTermId(group.choice.crossCheck ?? group.choice.test)}>{group.result.crossCheck.name}</GlossaryTerm>: day 0 {pValuePart(group.result.crossCheck.dayZero)}; {windowLabel} {pValuePart(group.result.crossCheck.window)}.
          </>
        ) : null}
      </p>
    </>
  );
}

/** Did anyone trade on it: one sentence per security, in the panel's plain words. */
function VolumeLines({ group }: { group: SummaryGroup }) {
  return (
    <div className="answer-volume" data-testid={`answer-volume-${group.id}`}>
      <p className="answer-volume-title">
        <GlossaryTerm id="abnormal-volume">Trading volume</GlossaryTerm> on day 0
      </p>
      <ul>
        {group.securities.map((security) => (
          <li
            key={security.symbol}
            data-symbol={security.symbol}
            data-volume-kind={security.volume.kind}
            data-multiple={security.volume.kind === 'abnormal-volume' ? (security.volume.dayZeroMultiple ?? '') : ''}
            data-t={security.volume.kind === 'abnormal-volume' ? (security.volume.dayZero.statistic ?? '') : ''}
          >
            {volumeSentence(security)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AnswerCell({ number, label, testId }: { number: TestedNumber; label: string; testId?: string }) {
  const rest = number.words.slice(number.valueWords.length);
  return (
    <td className="answer-cell" data-label={label} data-value={number.value ?? ''} data-p-value={number.pValue ?? ''} data-testid={testId}>
      <strong className="answer-value">{number.valueWords}</strong>
      <span className="answer-p">{rest}</span>
    </td>
  );
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}
