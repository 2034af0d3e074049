import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import type { WindowField } from '../features/study-controls/utils/window-texts.ts';
import type { QueryContext, QueryProblem } from '../application/study-query.ts';
import { searchOfViewState, viewStateFromSearch } from './url-state.ts';
import { viewReducer, type ViewAction, type ViewState } from './view-state.ts';

/**
 * How the next change of the URL enters the browser's history. Discrete choices push an entry;
 * typing in one window field pushes once, then replaces, so back steps over the whole edit; the
 * first render and a restored entry replace (they only tidy the URL into its canonical form).
 */
type HistoryIntent = { kind: 'replace' } | { kind: 'push' } | { kind: 'typing'; field: WindowField; pushed: boolean };

export interface UrlViewState {
  state: ViewState;
  dispatch: Dispatch<ViewAction>;
  /** Parameters of the current URL that could not be used and fell back to their defaults. */
  problems: QueryProblem[];
  dismissProblems: () => void;
}

/**
 * The view state kept in the page's URL: read from it on load, written on every change (pushState
 * for a choice, replaceState while a window is typed), read again on back and forward. `context`
 * (the catalogue's event ids, the known excerpts) decides which ids a link may name.
 * @throws never: a bad URL gives the default for each bad parameter and a problem naming it.
 * @example const { state, dispatch, problems } = useUrlViewState({ catalogEventIds, excerptIds });
 */
export function useUrlViewState(context: QueryContext): UrlViewState {
  const [initial] = useState(() => viewStateFromSearch(window.location.search, context));
  const [state, reduce] = useReducer(viewReducer, initial.state);
  const [problems, setProblems] = useState(initial.problems);
  const intent = useRef<HistoryIntent>({ kind: 'replace' });
  const latestContext = useRef(context);
  latestContext.current = context;

  const dispatch = useCallback((action: ViewAction) => {
    intent.current = nextIntent(intent.current, action);
    reduce(action);
  }, []);

  useEffect(() => writeUrl(state, intent.current), [state]);

  useEffect(() => {
    const restore = () => {
      const parsed = viewStateFromSearch(window.location.search, latestContext.current);
      intent.current = { kind: 'replace' };
      reduce({ type: 'restore', state: parsed.state });
      setProblems(parsed.problems);
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  const dismissProblems = useCallback(() => setProblems([]), []);
  return { state, dispatch, problems, dismissProblems };
}

function nextIntent(current: HistoryIntent, action: ViewAction): HistoryIntent {
  if (action.type !== 'set-window-text') return { kind: 'push' };
  return current.kind === 'typing' && current.field === action.field ? current : { kind: 'typing', field: action.field, pushed: false };
}

// Only a change of what the URL says touches history: a picked chart day, or a window text that does
// not parse yet, leaves it alone.
function writeUrl(state: ViewState, intent: HistoryIntent): void {
  const search = searchOfViewState(state);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  const replace = intent.kind === 'replace' || (intent.kind === 'typing' && intent.pushed);
  if (intent.kind === 'typing') intent.pushed = true;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}
