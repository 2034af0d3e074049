import type { QueryProblem } from '../application/study-query.ts';
import './url-state-notice.css';

interface UrlStateNoticeProps {
  problems: readonly QueryProblem[];
  onDismiss: () => void;
}

/**
 * Says which settings of the page's link could not be used, and that their defaults are shown
 * instead, until dismissed. Renders nothing when the link was fine.
 */
export function UrlStateNotice({ problems, onDismiss }: UrlStateNoticeProps) {
  if (problems.length === 0) return null;
  return (
    <div className="url-notice" role="status" aria-label="Settings in the link that could not be used">
      <p className="url-notice-lead">Some settings in this link could not be used, so the page shows their defaults instead:</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${index}-${problem.parameter}`}>
            <code>{problem.parameter}</code>: {problem.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
