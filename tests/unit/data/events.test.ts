import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '../../../src/domain/article-format.ts';

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
  timingNote: z.string().min(20),
  sourceNote: z.string().min(20),
  excerptIds: z.array(z.string()),
});
const eventsFileSchema = z.strictObject({ events: z.array(eventSchema).min(4) });

const { events } = eventsFileSchema.parse(JSON.parse(readFileSync(`${dataDir}events.json`, 'utf8')));
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
    const call = byId.get('ishiba-trump-call-2024');
    expect(call).toMatchObject({ date: '2024-11-07', timeZone: 'Asia/Tokyo' });
    // The article gives no time of the call, so none may be invented.
    expect(call?.time).toBeUndefined();
  });

  it('puts the LDP result after the 15:00 Tokyo close, and the general election on a Sunday', () => {
    expect((byId.get('ldp-leadership-2024')?.time ?? '00:00') > '15:00').toBe(true);
    expect(new Date('2024-10-27T00:00:00Z').getUTCDay()).toBe(0);
  });

  it('places 19:00 New York on 5 November at the 09:00 Tokyo open of 6 November', () => {
    // 2024-11-05 is after the end of US daylight time (3 November): EST = UTC−5.
    const pollsClose = new Date('2024-11-06T00:00:00Z');
    expect(wallClock(pollsClose, 'America/New_York')).toBe('2024-11-05 19:00');
    expect(wallClock(pollsClose, 'Asia/Tokyo')).toBe('2024-11-06 09:00');
  });

  it('says where each date and time comes from', () => {
    for (const event of events) expect(event.sourceNote).toMatch(/article|public record/i);
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
