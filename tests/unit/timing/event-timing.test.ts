import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStudyError } from '../../../src/core/errors';
import { dayZero, type EventTime } from '../../../src/core/event-timing';
import { EXCHANGE_REGISTRY as EXCHANGES } from '../../../src/domain/exchanges';
import { tradingCalendar } from './trading-calendars';

const tokyo = tradingCalendar('7011.T');
const newYork = tradingCalendar('^GSPC');

function expectEventStudyError(run: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EventStudyError);
  expect((caught as EventStudyError).code).toBe(code);
  expect((caught as EventStudyError).message).toMatch(message);
}

describe('the calendars the tests rely on', () => {
  // Guards the cases below: if these change, the snapshot no longer is the calendar they assume.
  it('has the Tokyo holiday of 2024-11-04 and the weekend before 2024-09-30', () => {
    expect(tokyo).toEqual(expect.arrayContaining(['2024-09-27', '2024-09-30', '2024-11-01', '2024-11-05']));
    expect(tokyo).not.toContain('2024-11-04');
    expect(tokyo).not.toContain('2024-09-28');
    expect(tokyo).not.toContain('2024-10-27');
    expect(newYork).toEqual(expect.arrayContaining(['2024-03-11', '2024-03-12', '2024-11-04', '2024-11-05']));
  });
});

describe('dayZero on the project events', () => {
  // US election: first polls closed 19:00 EST on 2024-11-05 = 00:00 UTC = 09:00 JST on 2024-11-06.
  const usElection: EventTime = { date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' };

  it('puts the US election on 2024-11-06 in Tokyo (before the 15:30 close that day)', () => {
    expect(dayZero(usElection, EXCHANGES.XTKS, tokyo)).toBe('2024-11-06');
  });

  it('puts the US election on 2024-11-06 in New York (after the 16:00 close of 11-05)', () => {
    expect(dayZero(usElection, EXCHANGES.XNYS, newYork)).toBe('2024-11-06');
  });

  it('moves a 16:00 Tokyo announcement on 2024-11-06 to the next Tokyo session', () => {
    const event = { date: '2024-11-06', time: '16:00', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-11-07');
  });

  it('treats 15:10 on 2024-11-01 as after the old 15:00 close and skips the 11-04 holiday', () => {
    const event = { date: '2024-11-01', time: '15:10', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-11-05');
  });

  it('treats 15:10 on 2024-11-06 as before the new 15:30 close', () => {
    const event = { date: '2024-11-06', time: '15:10', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-11-06');
  });

  it('moves an event exactly at the close to the next session (the close must come after the event)', () => {
    const event = { date: '2024-11-06', time: '15:30', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-11-07');
    expect(dayZero({ ...event, time: '15:29' }, EXCHANGES.XTKS, tokyo)).toBe('2024-11-06');
  });

  it("puts Ishiba's LDP win (Friday 2024-09-27 after the close) on Monday 2024-09-30", () => {
    const event = { date: '2024-09-27', time: '15:40', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-09-30');
  });

  it("puts Japan's general election (Sunday 2024-10-27, bare date) on Monday 2024-10-28", () => {
    expect(dayZero({ date: '2024-10-27', timeZone: 'Asia/Tokyo' }, EXCHANGES.XTKS, tokyo)).toBe('2024-10-28');
  });

  it('keeps a bare date that is a trading day (the Ishiba–Trump call, 2024-11-07)', () => {
    expect(dayZero({ date: '2024-11-07', timeZone: 'Asia/Tokyo' }, EXCHANGES.XTKS, tokyo)).toBe('2024-11-07');
  });

  it('moves a bare date on a holiday to the next session of that exchange only', () => {
    // 2024-11-04 was Culture Day (observed) in Tokyo but a normal Monday in New York.
    const event = { date: '2024-11-04', timeZone: 'Asia/Tokyo' };
    expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe('2024-11-05');
    expect(dayZero(event, EXCHANGES.XNYS, newYork)).toBe('2024-11-04');
  });
});

describe('dayZero across daylight saving time in New York', () => {
  // US DST 2024: EDT (UTC-4) from Sunday 2024-03-10, EST (UTC-5) from Sunday 2024-11-03 (second
  // Sunday of March, first Sunday of November, Energy Policy Act of 2005).
  it('puts 16:30 New York time after that day’s close in both EDT (03-11) and EST (11-04)', () => {
    const march = { date: '2024-03-11', time: '16:30', timeZone: 'America/New_York' };
    const november = { date: '2024-11-04', time: '16:30', timeZone: 'America/New_York' };
    expect(dayZero(march, EXCHANGES.XNYS, newYork)).toBe('2024-03-12');
    expect(dayZero(november, EXCHANGES.XNYS, newYork)).toBe('2024-11-05');
    // In Tokyo these are 05:30 JST on 03-12 and 06:30 JST on 11-05, before those days' sessions.
    expect(dayZero(march, EXCHANGES.XTKS, tokyo)).toBe('2024-03-12');
    expect(dayZero(november, EXCHANGES.XTKS, tokyo)).toBe('2024-11-05');
  });

  it('puts 20:30 UTC after the 16:00 EDT close (20:00 UTC) but before the 16:00 EST close (21:00 UTC)', () => {
    expect(dayZero({ date: '2024-03-11', time: '20:30', timeZone: 'UTC' }, EXCHANGES.XNYS, newYork)).toBe('2024-03-12');
    expect(dayZero({ date: '2024-11-04', time: '20:30', timeZone: 'UTC' }, EXCHANGES.XNYS, newYork)).toBe('2024-11-04');
  });

  it('converts a Tokyo time across the New York switch (05:30 JST = 20:30 UTC the day before)', () => {
    const march = { date: '2024-03-12', time: '05:30', timeZone: 'Asia/Tokyo' };
    const november = { date: '2024-11-05', time: '05:30', timeZone: 'Asia/Tokyo' };
    expect(dayZero(march, EXCHANGES.XNYS, newYork)).toBe('2024-03-12');
    expect(dayZero(november, EXCHANGES.XNYS, newYork)).toBe('2024-11-04');
  });
});

describe('dayZero against an independent computation of Tokyo closes', () => {
  // Japan has had no daylight saving time since 1951, so a Tokyo close is a fixed UTC+9 instant:
  // 15:00 JST = 06:00 UTC before 2024-11-05, 15:30 JST = 06:30 UTC from then on.
  function tokyoCloseUtc(date: string): number {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const minutes = date < '2024-11-05' ? 0 : 30;
    return Date.UTC(year, month - 1, day, 6, minutes);
  }

  it('returns the first session whose close is after any UTC minute of 2024', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (end - start) / 60_000 }), (minute) => {
        const instant = start + minute * 60_000;
        const iso = new Date(instant).toISOString();
        const event = { date: iso.slice(0, 10), time: iso.slice(11, 16), timeZone: 'UTC' };
        const expected = tokyo.find((date) => tokyoCloseUtc(date) > instant);
        expect(dayZero(event, EXCHANGES.XTKS, tokyo)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('dayZero on bad input', () => {
  it('rejects an unknown time zone with UNKNOWN_TIME_ZONE', () => {
    const event = { date: '2024-11-05', time: '19:00', timeZone: 'America/Nowhere' };
    expectEventStudyError(() => dayZero(event, EXCHANGES.XTKS, tokyo), 'UNKNOWN_TIME_ZONE', /America\/Nowhere/);
    const bare = { date: '2024-11-05', timeZone: 'Tokio' };
    expectEventStudyError(() => dayZero(bare, EXCHANGES.XTKS, tokyo), 'UNKNOWN_TIME_ZONE', /Tokio/);
  });

  it('rejects an event after the last session closes with EVENT_OUTSIDE_DATA', () => {
    const last = tokyo[tokyo.length - 1] ?? '';
    expectEventStudyError(() => dayZero({ date: '2030-01-04' }, EXCHANGES.XTKS, tokyo), 'EVENT_OUTSIDE_DATA', /2030-01-04/);
    const afterLastClose = { date: last, time: '16:00', timeZone: 'Asia/Tokyo' };
    expectEventStudyError(() => dayZero(afterLastClose, EXCHANGES.XTKS, tokyo), 'EVENT_OUTSIDE_DATA', /no trading session/);
    expect(dayZero({ ...afterLastClose, time: '09:00' }, EXCHANGES.XTKS, tokyo)).toBe(last);
  });

  it('rejects an event before the first trading day, whose next session is unknown', () => {
    expectEventStudyError(() => dayZero({ date: '2020-01-06' }, EXCHANGES.XTKS, tokyo), 'EVENT_OUTSIDE_DATA', /2021-02-02/);
    expectEventStudyError(() => dayZero({ date: '2024-11-05' }, EXCHANGES.XTKS, []), 'EVENT_OUTSIDE_DATA', /no trading days/);
  });

  it('rejects malformed dates and times and a time without a time zone with INVALID_INPUT', () => {
    expectEventStudyError(() => dayZero({ date: '2024-02-30' }, EXCHANGES.XTKS, tokyo), 'INVALID_INPUT', /2024-02-30/);
    expectEventStudyError(() => dayZero({ date: '6 Nov 2024' }, EXCHANGES.XTKS, tokyo), 'INVALID_INPUT', /YYYY-MM-DD/);
    const lateTime = { date: '2024-11-05', time: '24:00', timeZone: 'Asia/Tokyo' };
    expectEventStudyError(() => dayZero(lateTime, EXCHANGES.XTKS, tokyo), 'INVALID_INPUT', /HH:mm/);
    expectEventStudyError(() => dayZero({ date: '2024-11-05', time: '19:00' }, EXCHANGES.XTKS, tokyo), 'INVALID_INPUT', /time zone/);
  });

  it('rejects a calendar that is not ascending', () => {
    const shuffled = ['2024-11-06', '2024-11-05'];
    expectEventStudyError(() => dayZero({ date: '2024-11-05' }, EXCHANGES.XTKS, shuffled), 'INVALID_INPUT', /ascending/);
  });
});
