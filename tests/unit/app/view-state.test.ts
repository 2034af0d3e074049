import { describe, expect, it } from 'vitest';
import { focusedEventId, INITIAL_VIEW_STATE, viewReducer, type ViewAction, type ViewState } from '../../../src/app/view-state.ts';
import { createHoverStore } from '../../../src/app/hover-store.ts';
import { DEFAULT_STUDY_OPTIONS } from '../../../src/core/index.ts';
import { checkWindows, windowTextsFrom } from '../../../src/features/study-controls/utils/window-texts.ts';

const run = (...actions: ViewAction[]): ViewState => actions.reduce(viewReducer, INITIAL_VIEW_STATE);

describe('the initial view', () => {
  it('is the 2024 US election case with the default study options, as plain JSON', () => {
    expect(INITIAL_VIEW_STATE.eventIds).toEqual(['us-election-2024']);
    expect(INITIAL_VIEW_STATE.securities).toEqual(['7011.T', '7013.T']);
    expect(INITIAL_VIEW_STATE.benchmarks.XTKS).toBe('TOPIX');
    expect(INITIAL_VIEW_STATE.appliedOptions).toEqual(DEFAULT_STUDY_OPTIONS);
    expect(INITIAL_VIEW_STATE.windowTexts).toEqual({ estimation: '-250:-11', gap: '', event: '-5:10', carWindows: '0:0, 0:1, -1:1, -5:10' });
    // Serialisable: a JSON round trip gives the same state, so it can go into a URL.
    expect(JSON.parse(JSON.stringify(INITIAL_VIEW_STATE))).toEqual(INITIAL_VIEW_STATE);
  });
});

describe('viewReducer', () => {
  it('applies valid windows and keeps the last valid options while a window is invalid', () => {
    const valid = run({ type: 'set-window-text', field: 'estimation', text: '-120:-11' });
    expect(valid.appliedOptions.estimationWindow).toEqual({ from: -120, to: -11 });
    const invalid = viewReducer(valid, { type: 'set-window-text', field: 'estimation', text: '-120:' });
    expect(invalid.windowTexts.estimation).toBe('-120:');
    expect(invalid.appliedOptions.estimationWindow).toEqual({ from: -120, to: -11 });
  });

  it('applies a model change even while a window is being fixed', () => {
    const state = run({ type: 'set-window-text', field: 'event', text: 'x' }, { type: 'set-model', model: 'mean-adjusted' });
    expect(state.appliedOptions.model).toBe('mean-adjusted');
    expect(state.appliedOptions.eventWindow).toEqual({ from: -5, to: 10 });
  });

  it('lets CAR windows the user has not set follow the event window, and leaves typed ones alone', () => {
    const widened = run({ type: 'set-window-text', field: 'event', text: '-10:10' });
    expect(widened.appliedOptions.eventWindow).toEqual({ from: -10, to: 10 });
    // The rule of a link without car-windows (defaultCarWindows): the default windows inside it, then the whole window.
    expect(widened.appliedOptions.carWindows).toEqual([{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: -1, to: 1 }, { from: -5, to: 10 }, { from: -10, to: 10 }]);
    expect(widened.windowTexts.carWindows).toBe('0:0, 0:1, -1:1, -5:10, -10:10');
    // Typed one keystroke at a time, through invalid and narrower windows, it still follows.
    const typed = run(...['-', '-1', '-1:', '-1:1', '-1:10', '-10:10'].map((text): ViewAction => ({ type: 'set-window-text', field: 'event', text })));
    expect(typed.appliedOptions.carWindows.at(-1)).toEqual({ from: -10, to: 10 });
    // Narrowed, the default windows that no longer fit go.
    expect(run({ type: 'set-window-text', field: 'event', text: '0:3' }).appliedOptions.carWindows).toEqual([{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: 0, to: 3 }]);
    const own = run({ type: 'set-window-text', field: 'carWindows', text: '0:0, -5:5' }, { type: 'set-window-text', field: 'event', text: '-10:10' });
    expect(own.windowTexts.carWindows).toBe('0:0, -5:5');
    expect(own.appliedOptions.carWindows).toEqual([{ from: 0, to: 0 }, { from: -5, to: 5 }]);
  });

  it('sets a gap, and an empty gap field means none', () => {
    expect(run({ type: 'set-window-text', field: 'gap', text: '-10:-6' }).appliedOptions.gap).toEqual({ from: -10, to: -6 });
    expect(run({ type: 'set-window-text', field: 'gap', text: '-10:-6' }, { type: 'set-window-text', field: 'gap', text: '  ' }).appliedOptions.gap).toBeNull();
  });

  it('toggles events and securities, and adds a typed symbol only once', () => {
    const state = run(
      { type: 'toggle-event', eventId: 'ishiba-trump-call-2024' },
      { type: 'toggle-security', symbol: '7011.T' },
      { type: 'add-security', symbol: 'LMT' },
      { type: 'add-security', symbol: 'LMT' },
    );
    expect(state.eventIds).toEqual(['us-election-2024', 'ishiba-trump-call-2024']);
    expect(state.securities).toEqual(['7013.T', 'LMT']);
  });

  it("brings the selected excerpt's first studied event into the charts", () => {
    const state = run({ type: 'toggle-event', eventId: 'ishiba-trump-call-2024' }, { type: 'select-excerpt', excerptId: 'challenges-styles', eventIds: ['ldp-leadership-2024', 'ishiba-trump-call-2024'] });
    expect(state.selectedExcerptId).toBe('challenges-styles');
    expect(focusedEventId(state)).toBe('ishiba-trump-call-2024');
    const unstudied = run({ type: 'select-excerpt', excerptId: 'x', eventIds: ['ldp-leadership-2024'] });
    expect(focusedEventId(unstudied)).toBe('us-election-2024');
  });

  it('focuses a newly added custom event and forgets it when removed', () => {
    const event = { id: 'custom-1', title: 'Budget', date: '2024-12-27', timeZone: 'Asia/Tokyo', excerptIds: [], custom: true };
    const added = run({ type: 'add-custom-event', event });
    expect(added.eventIds).toEqual(['us-election-2024', 'custom-1']);
    expect(focusedEventId(added)).toBe('custom-1');
    const removed = viewReducer(added, { type: 'remove-custom-event', eventId: 'custom-1' });
    expect(removed.customEvents).toEqual([]);
    expect(focusedEventId(removed)).toBe('us-election-2024');
  });

  it('restores a whole view at once, as going back in the browser does', () => {
    const earlier = run({ type: 'set-model', model: 'mean-adjusted' }, { type: 'toggle-security', symbol: '7011.T' });
    const later = viewReducer(earlier, { type: 'set-return-kind', returnKind: 'log' });
    expect(viewReducer(later, { type: 'restore', state: earlier })).toBe(earlier);
  });

  it('falls back to the first studied event when the focused one is unticked', () => {
    const state = run({ type: 'toggle-event', eventId: 'ishiba-trump-call-2024' }, { type: 'focus-event', eventId: 'ishiba-trump-call-2024' }, { type: 'toggle-event', eventId: 'ishiba-trump-call-2024' });
    expect(focusedEventId(state)).toBe('us-election-2024');
    expect(focusedEventId(run({ type: 'toggle-event', eventId: 'us-election-2024' }))).toBeNull();
  });
});

describe('checkWindows', () => {
  it('reads the default texts back into the default options', () => {
    expect(checkWindows(windowTextsFrom(DEFAULT_STUDY_OPTIONS), DEFAULT_STUDY_OPTIONS)).toEqual({ options: { ...DEFAULT_STUDY_OPTIONS, gap: null }, fieldErrors: {}, combinedError: null });
  });

  it("reports each field's own problem and a problem between fields separately", () => {
    const texts = windowTextsFrom(DEFAULT_STUDY_OPTIONS);
    const bad = checkWindows({ ...texts, estimation: '-11:-250', carWindows: '' }, DEFAULT_STUDY_OPTIONS);
    expect(bad.options).toBeNull();
    expect(bad.fieldErrors.estimation).toMatch(/starts after it ends/);
    expect(bad.fieldErrors.carWindows).toBe('Give at least one CAR window, e.g. 0:0, 0:1, -1:1.');
    const overlapping = checkWindows({ ...texts, gap: '-12:-6' }, DEFAULT_STUDY_OPTIONS);
    expect(overlapping.fieldErrors).toEqual({});
    expect(overlapping.combinedError).toMatch(/The gap -12:-6 must lie between/);
  });
});

describe('createHoverStore', () => {
  it('notifies subscribers of a new day only, and stops after unsubscribing', () => {
    const store = createHoverStore();
    const seen: (number | null)[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.get()));
    store.set(1);
    store.set(1);
    store.set(null);
    unsubscribe();
    store.set(2);
    expect(seen).toEqual([1, null]);
    expect(store.get()).toBe(2);
  });
});
