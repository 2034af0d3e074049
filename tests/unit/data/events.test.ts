import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '../../../src/domain/article-format.ts';
import { dayZero } from '../../../src/core/event-timing.ts';
import { readEventCatalog } from '../../../src/domain/event-catalog.ts';
import { EXCHANGE_REGISTRY } from '../../../src/domain/exchanges.ts';
import { tradingCalendar } from '../timing/trading-calendars.ts';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const eventSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(5),
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  durationMinutes: z.number().int().positive().optional(),
  timingNote: z.string().min(20),
  sourceNote: z.string().min(20),
  sources: z
    .array(
      z.strictObject({
        title: z.string().optional(),
        publisher: z.string().min(3),
        date: z.iso.date().optional(),
        url: z.string().regex(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//),
        urlNote: z.string().optional(),
        quote: z.string().optional(),
        supports: z.string().min(5),
      }),
    )
    .min(1),
  excerptIds: z.array(z.string()),
});
const eventsFileSchema = z.strictObject({ events: z.array(eventSchema).min(4) });

const eventsJson: unknown = JSON.parse(readFileSync(`${dataDir}events.json`, 'utf8'));
const { events } = eventsFileSchema.parse(eventsJson);
const article = parseArticle(readFileSync(`${dataDir}articles/japan-us-alliance-defence-stocks.md`, 'utf8'));
const byId = new Map(events.map((event) => [event.id, event]));

/** Wall-clock date and time of an instant in a zone, e.g. '2024-11-06 09:00'. */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

describe('data/events.json', () => {
  it('has unique ids', () => {
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('holds the four events of the case with their dates and time zones', () => {
    expect(byId.get('ldp-leadership-2024')).toMatchObject({ date: '2024-09-27', timeZone: 'Asia/Tokyo' });
    expect(byId.get('japan-general-election-2024')).toMatchObject({ date: '2024-10-27', timeZone: 'Asia/Tokyo' });
    expect(byId.get('us-election-2024')).toMatchObject({ date: '2024-11-05', time: '19:00', timeZone: 'America/New_York' });
  });

  it("times the call from the Prime Minister's Office press conference: five minutes from 09:30 Tokyo time", () => {
    const call = byId.get('ishiba-trump-call-2024');
    expect(call).toMatchObject({ date: '2024-11-07', time: '09:30', durationMinutes: 5, timeZone: 'Asia/Tokyo' });
    const kantei = call?.sources.find((source) => source.publisher === "Prime Minister's Office of Japan");
    expect(kantei?.title).toMatch(/^Press Conference by Prime Minister Ishiba regarding His Telephone Talk with U\.S\. President-elect Trump/);
    expect(kantei?.title).toMatch(/provisional translation/i);
    expect(kantei?.quote).toContain('For five minutes this morning from 9:30');
    // The reproduction is cited as what it is: the Kantei's own URL was not confirmed.
    expect(kantei?.urlNote).toMatch(/not confirmed/);
    expect(call?.timingNote).toMatch(/overlap/);
  });

  it('puts the LDP result (public by 15:23, Yomiuri) after that day’s 15:00 Tokyo close, and the general election on a Sunday', () => {
    const ldp = byId.get('ldp-leadership-2024');
    expect(ldp?.time).toBe('15:23');
    expect(ldp?.sources.some((source) => source.supports.includes('15:23'))).toBe(true);
    expect(ldp?.timingNote).toMatch(/first-round/);
    expect(new Date('2024-10-27T00:00:00Z').getUTCDay()).toBe(0);
  });

  it("keeps each event's day 0 on Tokyo's real calendar with the close of that date (15:00 before 5 Nov 2024, 15:30 after)", () => {
    const tokyo = tradingCalendar('7011.T');
    const dayZeroOf = (id: string) => {
      const event = byId.get(id);
      if (!event) throw new Error(id);
      return dayZero(event, EXCHANGE_REGISTRY.XTKS, tokyo);
    };
    // 15:23 on Fri 27 Sep is after that day's 15:00 close (it would be before a 15:30 one).
    expect(dayZeroOf('ldp-leadership-2024')).toBe('2024-09-30');
    expect(dayZeroOf('japan-general-election-2024')).toBe('2024-10-28');
    expect(dayZeroOf('us-election-2024')).toBe('2024-11-06');
    // 09:30 on Thu 7 Nov is inside that day's session.
    expect(dayZeroOf('ishiba-trump-call-2024')).toBe('2024-11-07');
  });

  it('reads through the domain schema the page and the server use, sources included', () => {
    const catalog = readEventCatalog(eventsJson);
    expect(catalog.problem).toBeNull();
    expect(catalog.events.find((event) => event.id === 'ishiba-trump-call-2024')).toMatchObject({ time: '09:30', durationMinutes: 5 });
    expect(catalog.events.every((event) => (event.sources?.length ?? 0) > 0)).toBe(true);
  });

  it('places 19:00 New York on 5 November at the 09:00 Tokyo open of 6 November', () => {
    // 2024-11-05 is after the end of US daylight time (3 November): EST = UTC−5.
    const pollsClose = new Date('2024-11-06T00:00:00Z');
    expect(wallClock(pollsClose, 'America/New_York')).toBe('2024-11-05 19:00');
    expect(wallClock(pollsClose, 'Asia/Tokyo')).toBe('2024-11-06 09:00');
  });

  it('says where each date and time comes from', () => {
    for (const event of events) expect(event.sourceNote).toMatch(/article|public record|Prime Minister's Office/i);
  });

  it('links exactly the article excerpts tagged with each event', () => {
    const excerptIds = new Set(article.excerpts.map((excerpt) => excerpt.id));
    for (const event of events) {
      for (const id of event.excerptIds) expect(excerptIds.has(id), `${event.id} → ${id}`).toBe(true);
      const tagged = article.excerpts.filter((excerpt) => excerpt.events.includes(event.id)).map((excerpt) => excerpt.id);
      expect(event.excerptIds).toEqual(tagged);
    }
    const taggedEvents = new Set(article.excerpts.flatMap((excerpt) => excerpt.events));
    for (const id of taggedEvents) expect(byId.has(id), `excerpt tag ${id}`).toBe(true);
  });
});
