import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STUDY_QUERY,
  DEFAULT_VIEW_QUERY,
  defaultCarWindows,
  parseStudyQuery,
  serializeStudyQuery,
  studyQueryString,
  type PageQuery,
} from '../../../src/application/study-query.ts';
import { STUDY_LIMITS } from '../../../src/application/study-limits.ts';
import { PORTFOLIO_TEST_KEYS } from '../../../src/domain/portfolio-tests.ts';

const MAX_SECURITIES = STUDY_LIMITS.securities;
const MAX_CUSTOM_EVENTS = STUDY_LIMITS.customEvents;

const CATALOG = ['ldp-leadership-2024', 'japan-general-election-2024', 'us-election-2024', 'ishiba-trump-call-2024'];
const CONTEXT = { catalogEventIds: CATALOG, excerptIds: ['intro-call', 'markets-ihi-mhi-gains', 'user-3'] };
const PAYLOAD = "=cmd|' /C calc'!A0";
const DEFAULT_PAGE: PageQuery = { study: DEFAULT_STUDY_QUERY, view: DEFAULT_VIEW_QUERY };

const DEFAULT_TEXT =
  'events=us-election-2024&securities=7011.T,7013.T&benchmarks=XNYS:%5EGSPC,XTKS:TOPIX&model=market&returns-kind=simple' +
  '&estimation=-250:-11&gap=&window=-5:10&car-windows=0:0,0:1,-1:1,-5:10&min-estimation=30&overlap=separate&contamination=keep&test=auto';

/** A page query far from the defaults, with awkward custom-event titles (made-up events). */
const AWKWARD: PageQuery = {
  study: {
    eventIds: ['ishiba-trump-call-2024', 'custom-2', 'us-election-2024'],
    customEvents: [
      { id: 'custom-2', title: `${PAYLOAD} & a, b ~ c's "budget" 100% +1`, date: '2024-12-27', time: '15:45', timeZone: 'Asia/Tokyo' },
      { id: 'custom-7', title: '防衛予算 — défense', date: '2024-02-29', timeZone: 'America/New_York' },
    ],
    securities: ['7013.T', 'LMT', '^N225', 'BRK-B', '^GSPC'],
    benchmarks: { XTKS: '^N225', XNYS: '^GSPC' },
    model: 'mean-adjusted',
    returnKind: 'log',
    estimationWindow: { from: -120, to: -21 },
    gap: { from: -20, to: -11 },
    eventWindow: { from: -10, to: 20 },
    carWindows: [
      { from: 0, to: 0 },
      { from: -10, to: 20 },
      { from: 3, to: 5 },
    ],
    minimumEstimationDays: 20,
    factors: null,
    overlap: 'cluster',
    contamination: 'exclude',
  },
  view: { focusEventId: 'custom-2', excerptId: 'user-3', significanceTest: 'wilcoxon' },
};

describe('parseStudyQuery and serializeStudyQuery', () => {
  it('read an empty query as the default case, and write the default case as one fixed string', () => {
    expect(parseStudyQuery('', CONTEXT)).toEqual({ query: DEFAULT_PAGE, problems: [] });
    expect(parseStudyQuery('?', CONTEXT)).toEqual({ query: DEFAULT_PAGE, problems: [] });
    expect(serializeStudyQuery(DEFAULT_PAGE)).toBe(DEFAULT_TEXT);
    expect(studyQueryString(DEFAULT_STUDY_QUERY)).toBe(DEFAULT_TEXT.replace('&test=auto', ''));
  });

  it('round-trip a query far from the defaults, hostile titles included, and its text is canonical', () => {
    const text = serializeStudyQuery(AWKWARD);
    expect(parseStudyQuery(text, CONTEXT)).toEqual({ query: AWKWARD, problems: [] });
    expect(parseStudyQuery(`?${text}`, CONTEXT).query).toEqual(AWKWARD);
    expect(serializeStudyQuery(parseStudyQuery(text, CONTEXT).query)).toBe(text);
    // Nothing a browser would re-escape: the text the page writes is the text location.search gives back.
    expect(new URL(`https://example.test/?${text}`).search).toBe(`?${text}`);
  });

  it('write parameters in one order, whatever order and case the link had', () => {
    const scrambled = 'test=kpT&model=market-adjusted&securities=7013.t&window=-5:10&events=us-election-2024&benchmarks=XTKS:topix';
    const { query, problems } = parseStudyQuery(scrambled, CONTEXT);
    expect(problems).toEqual([]);
    expect(serializeStudyQuery(query)).toBe(
      'events=us-election-2024&securities=7013.T&benchmarks=XNYS:%5EGSPC,XTKS:TOPIX&model=market-adjusted&returns-kind=simple&estimation=-250:-11&gap=&window=-5:10&car-windows=0:0,0:1,-1:1,-5:10&min-estimation=30&overlap=separate&contamination=keep&test=kpT',
    );
  });

  it('round-trip every query fast-check makes of valid parts', () => {
    const range = fc.tuple(fc.integer({ min: -250, max: 200 }), fc.integer({ min: 0, max: 50 })).map(([from, length]) => ({ from, to: from + length }));
    const windows = fc
      .record({ estimationLength: fc.integer({ min: 30, max: 250 }), gapLength: fc.integer({ min: 0, max: 10 }), eventWindow: range, cars: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 4 }) })
      .map(({ estimationLength, gapLength, eventWindow, cars }) => {
        const gap = gapLength === 0 ? null : { from: eventWindow.from - gapLength, to: eventWindow.from - 1 };
        const estimationEnd = eventWindow.from - gapLength - 1;
        const width = eventWindow.to - eventWindow.from;
        const carWindows = cars.map((seed) => {
          const from = eventWindow.from + (seed % (width + 1));
          return { from, to: from + ((seed >> 3) % (eventWindow.to - from + 1)) };
        });
        return { estimationWindow: { from: estimationEnd - estimationLength + 1, to: estimationEnd }, gap, eventWindow, carWindows };
      });
    const symbol = fc.constantFrom('7011.T', '7013.T', 'LMT', 'RTX', '^GSPC', 'BRK-B', 'A-B', 'TOPIX');
    const title = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((text) => text.trim() === text && text !== '' && !/[\u0000-\u001f\u007f-\u009f]/.test(text));
    const query = fc
      .record({
        titles: fc.array(title, { maxLength: 3 }),
        securities: fc.uniqueArray(symbol, { maxLength: 5 }),
        model: fc.constantFrom('market', 'market-adjusted', 'mean-adjusted' as const),
        returnKind: fc.constantFrom('simple', 'log' as const),
        windows,
        test: fc.constantFrom('auto' as const, ...PORTFOLIO_TEST_KEYS),
        overlap: fc.constantFrom('separate', 'cluster' as const),
        contamination: fc.constantFrom('keep', 'exclude' as const),
        xtks: fc.constantFrom('TOPIX', '^N225'),
        minimum: fc.integer({ min: 13, max: 30 }),
        factorNames: fc.uniqueArray(fc.constantFrom('SMB', 'HML', 'Mkt-RF', 'Mom', 'sector_index.2'), { maxLength: 4 }),
        fileName: fc.oneof(fc.constant('ff3 daily.csv'), title),
      })
      .map(({ titles, securities, model, returnKind, windows: chosen, test, overlap, contamination, xtks, minimum, factorNames, fileName }): PageQuery => {
        const customEvents = titles.map((text, index) => ({ id: `custom-${index + 1}`, title: text, date: '2024-06-03', timeZone: 'Europe/London' }));
        const factors = model === 'market' && factorNames.length > 0 ? { names: factorNames, file: { hash: '0123456789abcdef', name: fileName } } : null;
        return {
          study: {
            eventIds: ['us-election-2024', ...customEvents.map((event) => event.id)],
            customEvents,
            securities,
            benchmarks: { XTKS: xtks, XNYS: '^GSPC' },
            model,
            returnKind,
            ...chosen,
            minimumEstimationDays: minimum,
            factors,
            overlap,
            contamination,
          },
          view: { focusEventId: customEvents[0]?.id ?? null, excerptId: null, significanceTest: test },
        };
      });
    fc.assert(
      fc.property(query, (page) => {
        const parsed = parseStudyQuery(serializeStudyQuery(page), CONTEXT);
        expect(parsed.problems).toEqual([]);
        expect(parsed.query).toEqual(page);
      }),
      { numRuns: 200 },
    );
  });
});

describe('an invalid parameter', () => {
  // Each: the query, the parameter named, the message, and where the default shows.
  const cases: [string, string, RegExp, (query: PageQuery) => unknown, unknown][] = [
    ['events=nope', 'events', /"nope" is not an event of data\/events.json/, (q) => q.study.eventIds, ['us-election-2024']],
    ['events=us-election-2024,us-election-2024', 'events', /lists "us-election-2024" twice/, (q) => q.study.eventIds, ['us-election-2024']],
    ['custom=custom-1~2024-12-27', 'custom', /is not written id~date~time~zone~title/, (q) => q.study.customEvents, []],
    ['custom=us-election-2024~2024-12-27~~Asia/Tokyo~Clash', 'custom', /the id must be custom-1/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-02-30~~Asia/Tokyo~Budget', 'custom', /"2024-02-30" is not a date/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-12-27~25:00~Asia/Tokyo~Budget', 'custom', /"25:00" is not a time/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-12-27~~Mars/Olympus~Budget', 'custom', /"Mars\/Olympus" is not an IANA time zone/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-12-27~~Asia/Tokyo~%20', 'custom', /the title must be 1 to 120 characters/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-12-27~~Asia/Tokyo~a%0Ab', 'custom', /the title must be 1 to 120 characters/, (q) => q.study.customEvents, []],
    ['custom=custom-1~2024-12-27~~Asia/Tokyo~A&custom=custom-1~2024-12-28~~Asia/Tokyo~B', 'custom', /the id custom-1 is used twice/, (q) => q.study.customEvents, []],
    ['securities=../ETC', 'securities', /"..\/ETC" is not a Yahoo symbol/, (q) => q.study.securities, ['7011.T', '7013.T']],
    // Upper-casing first would turn ß into SS and ſ into S, smuggling 7011.SS in as a valid symbol.
    ['securities=7011.%C3%9F', 'securities', /"7011.\\u00df" is not a Yahoo symbol/, (q) => q.study.securities, ['7011.T', '7013.T']],
    ['benchmarks=XTKS:%C5%BFPX', 'benchmarks', /"\\u017fPX" is not a Yahoo symbol/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['securities=7011.T,7011.t', 'securities', /lists "7011.T" twice/, (q) => q.study.securities, ['7011.T', '7013.T']],
    [`securities=${Array.from({ length: MAX_SECURITIES + 1 }, (_, index) => `A${index}`).join(',')}`, 'securities', /lists 19 securities; at most 18/, (q) => q.study.securities, ['7011.T', '7013.T']],
    ['benchmarks=XTKS:%5EGSPC', 'benchmarks', /"\^GSPC" does not trade on Tokyo Stock Exchange/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['benchmarks=XHKG:%5EHSI', 'benchmarks', /"XHKG:\^HSI" is not EXCHANGE:SYMBOL/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['benchmarks=XLON:FTSE', 'benchmarks', /"FTSE" does not trade on London Stock Exchange/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    // A eurozone index is no benchmark for London, whose market it does not cover.
    ['benchmarks=XLON:%5ESTOXX50E', 'benchmarks', /"\^STOXX50E" does not trade on London Stock Exchange/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['benchmarks=XTKS:TOPIX,XTKS:%5EN225', 'benchmarks', /gives XTKS twice/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['model=probit', 'model', /"probit" is not a model; use market, market-adjusted or mean-adjusted/, (q) => q.study.model, 'market'],
    ['returns-kind=arithmetic', 'returns-kind', /is not a kind of return; use simple or log/, (q) => q.study.returnKind, 'simple'],
    ['estimation=abc', 'estimation', /"abc" is not a window/, (q) => q.study.estimationWindow, { from: -250, to: -11 }],
    ['gap=-6:-10', 'gap', /starts after it ends/, (q) => q.study.gap, null],
    ['window=-5', 'window', /"-5" is not a window/, (q) => q.study.eventWindow, { from: -5, to: 10 }],
    ['car-windows=', 'car-windows', /is empty; give at least one CAR window/, (q) => q.study.carWindows, DEFAULT_STUDY_QUERY.carWindows],
    ['car-windows=0:0,x', 'car-windows', /"x" is not a window/, (q) => q.study.carWindows, DEFAULT_STUDY_QUERY.carWindows],
    ['focus=nope', 'focus', /is not an event of data\/events.json or of the link/, (q) => q.view.focusEventId, null],
    ['excerpt=%3Cscript%3E', 'excerpt', /is not an excerpt id/, (q) => q.view.excerptId, null],
    ['excerpt=user-9', 'excerpt', /No excerpt "user-9" is known/, (q) => q.view.excerptId, null],
    ['test=t', 'test', /"t" is not a portfolio test; use auto, /, (q) => q.view.significanceTest, 'auto'],
    ['overlap=pool', 'overlap', /"pool" is not a way to treat overlapping events; use separate or cluster/, (q) => q.study.overlap, 'separate'],
    ['contamination=drop', 'contamination', /"drop" is not a way to treat other events in an estimation window; use keep or exclude/, (q) => q.study.contamination, 'keep'],
    // The study limits (src/application/study-limits.ts), checked before anything is computed.
    ['window=-5:1000000000', 'window', /The event window -5:1000000000 reaches beyond 250 trading days from day 0/, (q) => q.study.eventWindow, { from: -5, to: 10 }],
    ['estimation=-1011:-11', 'estimation', /The estimation window -1011:-11 has 1001 trading days; at most 1,000 are allowed/, (q) => q.study.estimationWindow, { from: -250, to: -11 }],
    ['gap=-2000:-1990', 'gap', /The gap -2000:-1990 reaches beyond 1,500 trading days/, (q) => q.study.gap, null],
    [`car-windows=${Array.from({ length: 21 }, () => '0:0').join(',')}`, 'car-windows', /It lists 21 CAR windows; at most 20 are allowed/, (q) => q.study.carWindows, DEFAULT_STUDY_QUERY.carWindows],
    ['car-windows=0:251', 'car-windows', /The CAR window 0:251 reaches beyond 250/, (q) => q.study.carWindows, DEFAULT_STUDY_QUERY.carWindows],
    ['custom=custom-1~9999-09-30~~UTC~T', 'custom', /9999-09-30 is after 2099-12-31, the latest event date/, (q) => q.study.customEvents, []],
    ['custom=custom-1~1969-12-31~~UTC~T', 'custom', /1969-12-31 is before 1970-01-01/, (q) => q.study.customEvents, []],
    // An exchange the registry does not know is named, never filed under New York.
    ['securities=7011.T,0700.HK', 'securities', /0700\.HK: No registered exchange has the Yahoo suffix \.HK/, (q) => q.study.securities, ['7011.T', '7013.T']],
    ['securities=7011.T,RHM.F', 'securities', /RHM\.F: No registered exchange has the Yahoo suffix \.F/, (q) => q.study.securities, ['7011.T', '7013.T']],
    ['securities=JPY=X', 'securities', /JPY=X: It is an index, currency or future/, (q) => q.study.securities, ['7011.T', '7013.T']],
    ['benchmarks=XNAS:%5EIXIC,XNYS:%5EIXIC', 'benchmarks', /"\^IXIC" does not trade on New York Stock Exchange/, (q) => q.study.benchmarks, { XTKS: 'TOPIX', XNYS: '^GSPC' }],
    ['model=market&model=mean-adjusted', 'model', /is given 2 times; give it once/, (q) => q.study.model, 'market'],
    ['utm_source=mail', '"utm_source"', /is not a setting of the study/, (q) => q, DEFAULT_PAGE],
  ];

  it.each(cases)('%s falls back to its default and names %s', (search, parameter, message, field, fallback) => {
    const { query, problems } = parseStudyQuery(search, CONTEXT);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.parameter).toBe(parameter);
    expect(problems[0]?.message).toMatch(message);
    expect(field(query)).toEqual(fallback);
  });

  it(`refuses more than ${STUDY_LIMITS.events} events in one study`, () => {
    const ids = Array.from({ length: STUDY_LIMITS.events + 1 }, (_, index) => `event-${index}`);
    expect(parseStudyQuery(`events=${ids.join(',')}`, { catalogEventIds: ids }).problems).toEqual([{ parameter: 'events', message: 'It lists 21 events; at most 20 fit one study.' }]);
  });

  it('keys benchmarks by the registry\'s MICs, Nasdaq included, and writes only those chosen', () => {
    const { query, problems } = parseStudyQuery('benchmarks=XNAS:%5EIXIC', CONTEXT);
    expect(problems).toEqual([]);
    expect(query.study.benchmarks).toEqual({ XTKS: 'TOPIX', XNYS: '^GSPC', XNAS: '^IXIC' });
    expect(studyQueryString(query.study)).toContain('&benchmarks=XNAS:%5EIXIC,XNYS:%5EGSPC,XTKS:TOPIX&');
  });

  it('accepts a regional index of another exchange where the registry lists it: STOXX for London and Paris', () => {
    const { query, problems } = parseStudyQuery('securities=BA.L,HO.PA&benchmarks=XLON:%5ESTOXX,XPAR:%5ESTOXX50E', CONTEXT);
    expect(problems).toEqual([]);
    expect(query.study.benchmarks).toEqual({ XTKS: 'TOPIX', XNYS: '^GSPC', XLON: '^STOXX', XPAR: '^STOXX50E' });
  });

  it('keeps the valid parameters of a link next to an invalid one', () => {
    const { query, problems } = parseStudyQuery('model=probit&returns-kind=log&securities=7013.T', CONTEXT);
    expect(problems.map((problem) => problem.parameter)).toEqual(['model']);
    expect(query.study).toEqual({ ...DEFAULT_STUDY_QUERY, returnKind: 'log', securities: ['7013.T'] });
  });

  it('sets every window back to its default when the windows are wrong together, naming those given', () => {
    const { query, problems } = parseStudyQuery('estimation=-100:-1&window=-5:10', CONTEXT);
    expect(problems).toEqual([{ parameter: 'estimation, window', message: 'The estimation window -100:-1 must end before the event window -5:10 starts.' }]);
    expect(query.study).toEqual(DEFAULT_STUDY_QUERY);
  });

  it("drops the events of a custom event that fell back, and says so for both parameters", () => {
    const { query, problems } = parseStudyQuery('custom=custom-1~2024-13-01~~Asia/Tokyo~X&events=custom-1', CONTEXT);
    expect(problems.map((problem) => problem.parameter)).toEqual(['custom', 'events']);
    expect(query.study.eventIds).toEqual(['us-election-2024']);
  });

  it(`refuses more than ${MAX_CUSTOM_EVENTS} custom events`, () => {
    const many = Array.from({ length: MAX_CUSTOM_EVENTS + 1 }, (_, index) => `custom=custom-${index + 1}~2024-01-04~~Asia/Tokyo~E${index}`).join('&');
    expect(parseStudyQuery(many, CONTEXT).problems).toEqual([{ parameter: 'custom', message: `It holds 11 events; a link carries at most ${MAX_CUSTOM_EVENTS}.` }]);
  });

  it('quotes hostile text in its messages, escaped and cut short, and never throws', () => {
    const hostile = `model=${encodeURIComponent(`\u001b[31m\r\n${'x'.repeat(5000)}<img src=x onerror=alert(1)>`)}&${encodeURIComponent('na\u0000me')}=1&window=%E2%80%AE`;
    const { problems } = parseStudyQuery(hostile, CONTEXT);
    expect(problems.map((problem) => problem.parameter)).toEqual(['"na\\u0000me"', 'model', 'window']);
    for (const problem of problems) {
      expect(problem.message.length + problem.parameter.length).toBeLessThan(200);
      expect(`${problem.parameter}${problem.message}`).toMatch(/^[\x20-\x7e]*$/);
    }
    expect(() => parseStudyQuery('%', CONTEXT)).not.toThrow();
    expect(() => parseStudyQuery('custom=%E0%A4%A', CONTEXT)).not.toThrow();
  });

  it('takes a formula-like custom title as the plain text it is (the CSV writer neutralises text, the codec keeps it)', () => {
    const text = serializeStudyQuery({ ...DEFAULT_PAGE, study: { ...DEFAULT_STUDY_QUERY, customEvents: [{ id: 'custom-1', title: PAYLOAD, date: '2024-12-27', timeZone: 'Asia/Tokyo' }] } });
    expect(parseStudyQuery(text, CONTEXT).query.study.customEvents[0]?.title).toBe(PAYLOAD);
  });
});

describe('defaultCarWindows', () => {
  it('keeps the default CAR windows that fit and adds the whole event window', () => {
    expect(defaultCarWindows({ from: -5, to: 10 })).toEqual(DEFAULT_STUDY_QUERY.carWindows);
    expect(defaultCarWindows({ from: -3, to: 3 })).toEqual([
      { from: 0, to: 0 },
      { from: 0, to: 1 },
      { from: -1, to: 1 },
      { from: -3, to: 3 },
    ]);
    expect(defaultCarWindows({ from: 2, to: 4 })).toEqual([{ from: 2, to: 4 }]);
  });

  it('fits the CAR windows of a link that names an event window but no CAR windows', () => {
    const { query, problems } = parseStudyQuery('window=0:1', CONTEXT);
    expect(problems).toEqual([]);
    expect(query.study.carWindows).toEqual([
      { from: 0, to: 0 },
      { from: 0, to: 1 },
    ]);
  });
});
