import { useState } from 'react';
import type { ClaimFinding } from '../../../application/claim-findings.ts';
import type { Article } from '../../../domain/article-format.ts';
import type { UserExcerpt } from '../api/user-excerpts.ts';
import { articleMeta } from '../utils/article-meta.ts';
import { AddExcerptForm } from './add-excerpt-form.tsx';
import { ExcerptCard, type ExcerptView } from './excerpt-card.tsx';
import './articles.css';

export interface ExcerptPanelProps {
  articles: Article[];
  articleProblems: string[];
  userExcerpts: UserExcerpt[];
  storageProblem: string | null;
  /** Every known event, for titles and the add form. */
  events: { id: string; title: string }[];
  /** Events in the study: the panel lists their excerpts unless "all" is chosen. */
  studyEventIds: string[];
  /** Names of the symbols known to the page, for the excerpts' tags. */
  securityNames: ReadonlyMap<string, string>;
  /** The securities in the study, offered when the user tags an excerpt. */
  studySecurities: string[];
  /** Events whose day 0 is the chart day under the pointer (or picked). */
  linkedEventIds: string[];
  /** What that chart day is, e.g. "Day +1, Thu 7 Nov 2024", or null. */
  linkedDayText: string | null;
  selectedExcerptId: string | null;
  onSelectExcerpt: (excerptId: string | null, eventIds: string[]) => void;
  onAddExcerpt: (excerpt: Omit<UserExcerpt, 'id'>) => void;
  onRemoveExcerpt: (id: string) => void;
  /** The market claims of the excerpts checked against the study (empty before it is computed). */
  claimFindings: readonly ClaimFinding[];
}

/**
 * The article next to the numbers: its excerpts, the ones tied to the chart day under the
 * pointer highlighted, each selectable to highlight its event and securities in the charts.
 */
export function ExcerptPanel(props: ExcerptPanelProps) {
  const [showAll, setShowAll] = useState(false);
  const eventTitle = (id: string) => props.events.find((event) => event.id === id)?.title ?? id;
  const securityName = (symbol: string) => props.securityNames.get(symbol) ?? symbol;
  const inStudy = (excerpt: ExcerptView) => showAll || excerpt.events.some((id) => props.studyEventIds.includes(id)) || excerpt.id === props.selectedExcerptId;
  const linkedTitles = props.linkedEventIds.map(eventTitle);

  const card = (excerpt: ExcerptView, onRemove?: () => void) => (
    <ExcerptCard
      key={excerpt.id}
      excerpt={excerpt}
      selected={excerpt.id === props.selectedExcerptId}
      linked={excerpt.events.some((id) => props.linkedEventIds.includes(id))}
      eventTitle={eventTitle}
      securityName={securityName}
      onSelect={() => props.onSelectExcerpt(excerpt.id === props.selectedExcerptId ? null : excerpt.id, excerpt.events)}
      onRemove={onRemove}
      claimFinding={props.claimFindings.find((finding) => finding.claim.excerpt === excerpt.id)}
    />
  );

  const userViews: ExcerptView[] = props.userExcerpts.map((excerpt) => ({ ...excerpt, origin: 'user' }));
  return (
    <section className="panel excerpts" aria-labelledby="excerpts-heading">
      <h2 id="excerpts-heading">The article</h2>
      <p className="linked-day" role="status" aria-live="polite">
        {props.linkedDayText
          ? linkedTitles.length > 0
            ? `${props.linkedDayText} is day 0 of ${linkedTitles.join(' and ')}; its excerpts are highlighted.`
            : `${props.linkedDayText}: no event of the case has its day 0 here.`
          : 'Point at a day in a chart to highlight the excerpts of the event that happened on it; select an excerpt to highlight its event and securities in the charts.'}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
        Show every excerpt, not only those about the events in the study
      </label>
      {props.articleProblems.map((problem) => (
        <p key={problem} className="field-error" role="alert">
          {problem}
        </p>
      ))}
      {props.articles.map((article) => {
        const excerpts = article.excerpts.map((excerpt): ExcerptView => ({ ...excerpt, origin: 'article' })).filter(inStudy);
        return (
          <article key={article.id} className="article" aria-labelledby={`article-${article.id}`}>
            <h3 id={`article-${article.id}`}>{article.title}</h3>
            <p className="article-meta">{articleMeta(article)}</p>
            {excerpts.length === 0 ? <p className="hint">No excerpt of this article speaks of the events in the study.</p> : <ol className="excerpt-list">{excerpts.map((excerpt) => card(excerpt))}</ol>}
          </article>
        );
      })}
      <section aria-labelledby="user-excerpts-heading" className="user-excerpts">
        <h3 id="user-excerpts-heading">Your excerpts</h3>
        {props.storageProblem ? (
          <p className="field-error" role="alert">
            {props.storageProblem}
          </p>
        ) : null}
        {userViews.length === 0 ? <p className="hint">None yet.</p> : <ol className="excerpt-list">{userViews.map((excerpt) => card(excerpt, () => props.onRemoveExcerpt(excerpt.id)))}</ol>}
        <AddExcerptForm
          events={props.events.map((event) => ({ id: event.id, label: event.title }))}
          securities={props.studySecurities.map((symbol) => ({ id: symbol, label: `${securityName(symbol)} (${symbol})` }))}
          onAdd={props.onAddExcerpt}
        />
      </section>
    </section>
  );
}
