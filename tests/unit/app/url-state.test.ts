import { describe, expect, it } from 'vitest';
import { pageQueryOf, searchOfViewState, viewStateFromSearch, viewStateOf } from '../../../src/app/url-state.ts';
import { INITIAL_VIEW_STATE, viewReducer, type ViewAction, type ViewState } from '../../../src/app/view-state.ts';
import { DEFAULT_STUDY_QUERY, DEFAULT_VIEW_QUERY } from '../../../src/application/study-query.ts';

const CONTEXT = { catalogEventIds: ['ldp-leadership-2024', 'japan-general-election-2024', 'us-election-2024', 'ishiba-trump-call-2024'], excerptIds: ['challenges-styles'] };
const run = (...actions: ViewAction[]): ViewState => actions.reduce(viewReducer, INITIAL_VIEW_STATE);

/** A made-up event, as the custom-event form adds it. */
const BUDGET = { id: 'custom-1', title: "Budget & 'defence', 2025", date: '2024-12-27', time: '08:50', timeZone: 'Asia/Tokyo', timingNote: 'Added in the page.', excerptIds: [], custom: true };

describe('the view state in the URL', () => {
  it('reads an empty query as the initial view, and the initial view as the default study query', () => {
    expect(viewStateFromSearch('', CONTEXT)).toEqual({ state: INITIAL_VIEW_STATE, problems: [] });
    expect(pageQueryOf(INITIAL_VIEW_STATE)).toEqual({ study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY });
    expect(viewStateOf({ study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY })).toEqual(INITIAL_VIEW_STATE);
  });

  it('brings back every choice of a view made on the page: events, a custom event, securities, benchmark, model, returns, windows, minimum estimation days, overlap, contamination, excerpt, focus, test', () => {
    const state = run(
      { type: 'add-custom-event', event: BUDGET },
      { type: 'toggle-event', eventId: 'ishiba-trump-call-2024' },
      { type: 'toggle-security', symbol: '7011.T' },
      { type: 'add-security', symbol: 'LMT' },
      { type: 'set-benchmark', exchange: 'XTKS', symbol: '^N225' },
      { type: 'set-model', model: 'mean-adjusted' },
      { type: 'set-return-kind', returnKind: 'log' },
      { type: 'set-window-text', field: 'estimation', text: '-200:-21' },
      { type: 'set-window-text', field: 'gap', text: '-20:-11' },
      { type: 'set-window-text', field: 'carWindows', text: '0:0, 0:2' },
      { type: 'set-minimum-estimation', text: '25' },
      { type: 'select-excerpt', excerptId: 'challenges-styles', eventIds: ['ishiba-trump-call-2024'] },
      { type: 'set-significance-test', test: 'rankT' },
      { type: 'set-overlap', overlap: 'cluster' },
      { type: 'set-contamination', contamination: 'exclude' },
    );
    const search = searchOfViewState(state);
    expect(search).toBe(
      '?events=us-election-2024,custom-1,ishiba-trump-call-2024&custom=custom-1~2024-12-27~08:50~Asia/Tokyo~Budget%20%26%20%27defence%27,%202025' +
        '&securities=7013.T,LMT&benchmarks=XNYS:%5EGSPC,XTKS:%5EN225&model=mean-adjusted&returns-kind=log&estimation=-200:-21&gap=-20:-11&window=-5:10' +
        '&car-windows=0:0,0:2&min-estimation=25&overlap=cluster&contamination=exclude&focus=ishiba-trump-call-2024&excerpt=challenges-styles&test=rankT',
    );
    const back = viewStateFromSearch(search, CONTEXT);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(state);
  });

  it("keeps a benchmark chosen for any exchange of the registry, Nasdaq's included, and drops an unknown market", () => {
    const state = run({ type: 'set-benchmark', exchange: 'XNAS', symbol: '^IXIC' }, { type: 'set-benchmark', exchange: 'XLON', symbol: '^STOXX' }, { type: 'set-benchmark', exchange: 'XHKG', symbol: '^HSI' });
    expect(new URLSearchParams(searchOfViewState(state)).get('benchmarks')).toBe('XLON:^STOXX,XNAS:^IXIC,XNYS:^GSPC,XTKS:TOPIX');
    expect(viewStateFromSearch(searchOfViewState(state), CONTEXT).problems).toEqual([]);
  });

  it('writes the windows last applied, not a window still being typed', () => {
    const typing = run({ type: 'set-window-text', field: 'estimation', text: '-120:-11' }, { type: 'set-window-text', field: 'estimation', text: '-120:' });
    expect(new URLSearchParams(searchOfViewState(typing)).get('estimation')).toBe('-120:-11');
  });

  it('leaves out what is not a choice: a day picked in a chart', () => {
    expect(searchOfViewState(run({ type: 'select-day', day: 2 }))).toBe(searchOfViewState(INITIAL_VIEW_STATE));
  });
});
