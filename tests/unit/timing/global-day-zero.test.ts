/**
 * Day 0 of the 2024 US presidential election on every registered exchange, on the exchanges' real
 * calendars (the snapshot's bars), with the arithmetic that makes it 6 November everywhere.
 *
 * The event (data/events.json): first polls closed 19:00 ET on Tuesday 2024-11-05. US daylight
 * saving time ended on Sunday 2024-11-03, so ET = EST = UTC−5 and the event instant is
 * 2024-11-06 00:00 UTC. Europe was on winter time since 2024-10-27 (GMT = UTC+0, CET = UTC+1);
 * Japan and Korea are UTC+9 all year. Day 0 is the first session whose close comes after the event.
 */
import { describe, expect, it } from 'vitest';
import { dayZero, type EventTime } from '../../../src/core/event-timing';
import { EXCHANGE_REGISTRY as EXCHANGES } from '../../../src/domain/exchanges';
import { tradingCalendar } from './trading-calendars';

const usElection: EventTime = { date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' };

describe('the US election is day 0 = 2024-11-06 on every exchange', () => {
  it('London: 00:00 GMT on 6 Nov, after the 16:35 GMT close of 5 Nov (16:35 UTC) and before that of 6 Nov', () => {
    expect(dayZero(usElection, EXCHANGES.XLON, tradingCalendar('BA.L'))).toBe('2024-11-06');
  });

  it('Frankfurt (Xetra): 01:00 CET on 6 Nov, after the 17:35 CET close of 5 Nov (16:35 UTC)', () => {
    expect(dayZero(usElection, EXCHANGES.XETR, tradingCalendar('RHM.DE'))).toBe('2024-11-06');
  });

  it('Paris: 01:00 CET on 6 Nov, after the 17:35 CET close of 5 Nov (16:35 UTC)', () => {
    expect(dayZero(usElection, EXCHANGES.XPAR, tradingCalendar('HO.PA'))).toBe('2024-11-06');
  });

  it('Milan: 01:00 CET on 6 Nov, after the 17:35 CET close of 5 Nov (16:35 UTC)', () => {
    expect(dayZero(usElection, EXCHANGES.XMIL, tradingCalendar('LDO.MI'))).toBe('2024-11-06');
  });

  it('Stockholm: 01:00 CET on 6 Nov, after the 17:30 CET close of 5 Nov (16:30 UTC)', () => {
    expect(dayZero(usElection, EXCHANGES.XSTO, tradingCalendar('SAAB-B.ST'))).toBe('2024-11-06');
  });

  it('Seoul: 09:00 KST on 6 Nov, the open; the 5 Nov session had closed at 15:30 KST (06:30 UTC 5 Nov), the 6 Nov one closes at 15:30 KST (06:30 UTC 6 Nov)', () => {
    expect(dayZero(usElection, EXCHANGES.XKRX, tradingCalendar('012450.KS'))).toBe('2024-11-06');
  });

  it('Tokyo: 09:00 JST on 6 Nov, the open; 5 Nov had closed at 15:30 JST (06:30 UTC 5 Nov)', () => {
    expect(dayZero(usElection, EXCHANGES.XTKS, tradingCalendar('7011.T'))).toBe('2024-11-06');
  });

  it('New York: 19:00 EST on 5 Nov, three hours after its 16:00 close (21:00 UTC 5 Nov)', () => {
    expect(dayZero(usElection, EXCHANGES.XNYS, tradingCalendar('LMT'))).toBe('2024-11-06');
    expect(dayZero(usElection, EXCHANGES.XNAS, tradingCalendar('LMT'))).toBe('2024-11-06');
  });

  it('puts news of 11:00 EST on 5 Nov on 5 Nov in Europe and New York, but on 6 Nov in Tokyo and Seoul', () => {
    // 11:00 EST on 5 Nov = 16:00 UTC = 16:00 GMT = 17:00 CET: before every European close that day,
    // after Tokyo's and Seoul's (06:30 UTC), before New York's (21:00 UTC).
    const midday = { ...usElection, time: '11:00' };
    expect(dayZero(midday, EXCHANGES.XLON, tradingCalendar('BA.L'))).toBe('2024-11-05');
    expect(dayZero(midday, EXCHANGES.XSTO, tradingCalendar('SAAB-B.ST'))).toBe('2024-11-05');
    expect(dayZero(midday, EXCHANGES.XETR, tradingCalendar('RHM.DE'))).toBe('2024-11-05');
    expect(dayZero(midday, EXCHANGES.XKRX, tradingCalendar('012450.KS'))).toBe('2024-11-06');
    expect(dayZero(midday, EXCHANGES.XTKS, tradingCalendar('7011.T'))).toBe('2024-11-06');
    expect(dayZero(midday, EXCHANGES.XNYS, tradingCalendar('LMT'))).toBe('2024-11-05');
  });

  it('tells the auction from continuous trading: 16:32 GMT is before London\'s close, 17:33 CET before Xetra\'s', () => {
    // Continuous trading has ended (16:30, 17:30) but the closing auction has not yet set the price.
    expect(dayZero({ date: '2024-11-05', time: '16:32', timeZone: 'Europe/London' }, EXCHANGES.XLON, tradingCalendar('BA.L'))).toBe('2024-11-05');
    expect(dayZero({ date: '2024-11-05', time: '17:33', timeZone: 'Europe/Berlin' }, EXCHANGES.XETR, tradingCalendar('RHM.DE'))).toBe('2024-11-05');
    expect(dayZero({ date: '2024-11-05', time: '17:36', timeZone: 'Europe/Berlin' }, EXCHANGES.XETR, tradingCalendar('RHM.DE'))).toBe('2024-11-06');
  });
});

describe("Seoul's college entrance exam day", () => {
  const seoul = tradingCalendar('012450.KS');

  it('closes at 16:30 KST on 2024-11-14, so 16:00 KST that day is still day 0', () => {
    expect(seoul).toEqual(expect.arrayContaining(['2024-11-13', '2024-11-14', '2024-11-15']));
    expect(dayZero({ date: '2024-11-14', time: '16:00', timeZone: 'Asia/Seoul' }, EXCHANGES.XKRX, seoul)).toBe('2024-11-14');
    expect(dayZero({ date: '2024-11-14', time: '16:30', timeZone: 'Asia/Seoul' }, EXCHANGES.XKRX, seoul)).toBe('2024-11-15');
  });

  it('closes at 15:30 KST on the day before, so 16:00 KST then belongs to the exam day', () => {
    expect(dayZero({ date: '2024-11-13', time: '16:00', timeZone: 'Asia/Seoul' }, EXCHANGES.XKRX, seoul)).toBe('2024-11-14');
  });
});
