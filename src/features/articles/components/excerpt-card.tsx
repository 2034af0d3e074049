import type { ClaimFinding } from '../../../application/claim-findings.ts';
import { ClaimCheckView } from './claim-check-view.tsx';

/** An excerpt as the panel shows it, from the article files or typed in by the user. */
export interface ExcerptView {
  id: string;
  text: string;
  section?: string;
  events: string[];
  securities: string[];
  origin: 'article' | 'user';
  /** The user's note of where a user excerpt comes from. */
  source?: string;
}

interface ExcerptCardProps {
  excerpt: ExcerptView;
  selected: boolean;
  /** Tied to the event of the chart day under the pointer. */
  linked: boolean;
  eventTitle: (id: string) => string;
  securityName: (symbol: string) => string;
  onSelect: () => void;
  onRemove?: () => void;
  /** The check of the excerpt's market claim against the study, when it makes one. */
  claimFinding?: ClaimFinding;
}

/**
 * One excerpt: a toggle button (keyboard-usable) whose pressed state highlights the excerpt's
 * events and securities in the charts. Every string is rendered as React text, never as HTML.
 */
export function ExcerptCard({ excerpt, selected, linked, eventTitle, securityName, onSelect, onRemove, claimFinding }: ExcerptCardProps) {
  return (
    <li className="excerpt-item" data-linked={String(linked)}>
      <button type="button" className="excerpt" aria-pressed={selected} data-excerpt-id={excerpt.id} data-linked={String(linked)} onClick={onSelect}>
        {excerpt.section ? <span className="excerpt-section">{excerpt.section}</span> : null}
        <span className="excerpt-text">{excerpt.text}</span>
        <span className="excerpt-tags">
          {excerpt.events.length > 0 ? <span>Events: {excerpt.events.map(eventTitle).join('; ')}</span> : <span>No event tagged</span>}
          {excerpt.securities.length > 0 ? <span>Securities: {excerpt.securities.map(securityName).join(', ')}</span> : null}
          {excerpt.source ? <span>Source: {excerpt.source}</span> : null}
        </span>
      </button>
      {claimFinding ? <ClaimCheckView finding={claimFinding} eventTitle={eventTitle} securityName={securityName} /> : null}
      {onRemove ? (
        <button type="button" className="link-button" onClick={onRemove}>
          Remove this excerpt
        </button>
      ) : null}
    </li>
  );
}
