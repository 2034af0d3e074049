import type { ReactNode } from 'react';
import type { StudySummary, SummaryGroup, SummaryNotice } from '../../../application/study-summary.ts';
import { GlossaryTerm } from '../../../lib/glossary-term.tsx';
import { SummaryGroupView } from './summary-group.tsx';
import './answer.css';

interface AnswerPanelProps {
  /** The answer; null while the study is being computed or cannot be. */
  summary: StudySummary | null;
  /** Why there is no answer (no event, no security, an error), or null while it is computed. */
  unavailable: string | null;
  /** The test picker, shown beside the heading. */
  testPicker?: ReactNode;
  /** The choice offered with a notice of that kind (merge overlapping events, leave days out). */
  noticeActions?: Partial<Record<SummaryNotice['kind'], ReactNode>>;
  /** More sections of one event's answer, under its table (e.g. results per group of securities). */
  renderGroupExtras?: (group: SummaryGroup) => ReactNode;
}

/**
 * The answer first: what the study found for each event (or event cluster), side by side, with the
 * notices a reader must see before trusting it — overlapping events reported apart, other events
 * inside an estimation window — and the choice each offers.
 */
export function AnswerPanel({ summary, unavailable, testPicker, noticeActions = {}, renderGroupExtras }: AnswerPanelProps) {
  const shownActions = new Set<string>();
  return (
    <section id="answer" className="panel answer" aria-labelledby="answer-heading" aria-busy={summary === null && unavailable === null}>
      <div className="answer-head">
        <h2 id="answer-heading">The answer</h2>
        {summary ? testPicker : null}
      </div>
      {summary === null ? (
        <p className="answer-pending">{unavailable ?? 'Computing the answer…'}</p>
      ) : (
        <>
          <p className="answer-terms">
            What the words mean: <GlossaryTerm id="ar" /> · <GlossaryTerm id="car" /> · <GlossaryTerm id="caar" /> · <GlossaryTerm id="p-value" /> ·{' '}
            <a href="#glossary">all terms</a>
          </p>
          {summary.notices.length > 0 ? (
            <ul className="answer-notices" aria-label="Before you read the numbers">
              {summary.notices.map((notice) => {
                // One control per kind of notice, after its first notice.
                const action = shownActions.has(notice.kind) ? null : noticeActions[notice.kind];
                shownActions.add(notice.kind);
                return (
                  <li key={notice.text} className={`answer-notice answer-notice-${notice.kind}`} data-notice={notice.kind}>
                    <span>{notice.text}</span>
                    {action ?? null}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <div className="answer-groups">
            {summary.groups.map((group) => (
              <SummaryGroupView key={group.id} group={group}>
                {renderGroupExtras?.(group)}
              </SummaryGroupView>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
