import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarYears, isCalendarDate } from '../../../src/domain/calendar.ts';
import { InvalidRequestError } from '../../../server/errors.ts';
import { MAX_SYMBOLS, parsePricesQuery, parseSymbol } from '../../../server/request-validation.ts';

const ok = { from: ['2024-10-01'], to: ['2024-11-29'] };

function rejection(queries: Record<string, string[]>): InvalidRequestError {
  try {
    parsePricesQuery(queries);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(queries)}`);
}

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(['2024-02-29', '2024-11-06', '1999-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-06', '20241106', '2024-11-06T00:00', ''].map(isCalendarDate)).toEqual(
      [false, false, false, false, false, false, false],
    );
  });

  it('adds days and years on the Gregorian calendar', () => {
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2024-11-06', -7)).toBe('2024-10-30');
    expect(addCalendarYears('2004-11-06', 20)).toBe('2024-11-06');
    expect(addCalendarYears('2024-02-29', 1)).toBe('2025-03-01');
  });
});

describe('parsePricesQuery', () => {
  it('returns upper-cased, de-duplicated symbols in the order given', () => {
    expect(parsePricesQuery({ symbols: ['7011.t, 7013.T,^n225,7011.T'], ...ok })).toEqual({
      symbols: ['7011.T', '7013.T', '^N225'],
      from: '2024-10-01',
      to: '2024-11-29',
    });
  });

  it('accepts every Yahoo symbol character: letters, digits, . ^ = -', () => {
    expect(parsePricesQuery({ symbols: ['JPY=X,BRK-B,^GSPC,7011.T'], ...ok }).symbols).toEqual(['JPY=X', 'BRK-B', '^GSPC', '7011.T']);
  });

  it.each([
    ['../etc/passwd'],
    ['..'],
    ['.T'],
    ['7011..T'],
    ['7011.T/../../x'],
    ['%2e%2e'],
    ['７０１１.T'],
    ['7011.T\r\nSet-Cookie: a=b'],
    ['<script>'],
    ['A B'],
    ['^'],
    ['ABCDEFGHIJKLMNOPQRSTU'],
    ['7011.T,,7013.T'],
    // Unicode case mapping would turn these into valid ASCII symbols (7011.SS, SONY, ...).
    ['7011.ß'],
    ['ſony'],
    ['ﬀ'],
    ['7011.T\u3000'],
    ['\ufeff7011.T'],
  ])('refuses symbols=%j with INVALID_SYMBOL', (symbols) => {
    const error = rejection({ symbols: [symbols], ...ok });
    expect(error.code).toBe('INVALID_SYMBOL');
    expect(error.message).toMatch(/symbol/i);
  });

  it('keeps control characters out of the message it echoes', () => {
    const error = rejection({ symbols: ['7011.T\r\nX-Evil: 1'], ...ok });
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toContain('\\r\\n');
  });

  it('serves the largest study in one request (18 securities, a benchmark for each of the 9 exchanges) and refuses more with TOO_MANY_SYMBOLS', () => {
    expect(MAX_SYMBOLS).toBe(27);
    const symbols = Array.from({ length: MAX_SYMBOLS + 1 }, (_, index) => `${1000 + index}.T`).join(',');
    expect(rejection({ symbols: [symbols], ...ok }).code).toBe('TOO_MANY_SYMBOLS');
    expect(() => parsePricesQuery({ symbols: [symbols.split(',').slice(0, MAX_SYMBOLS).join(',')], ...ok })).not.toThrow();
  });

  it('refuses an overlong symbols parameter (1,000 entries) before splitting it', () => {
    const symbols = Array.from({ length: 1_000 }, (_, index) => `S${index}`).join(',');
    const error = rejection({ symbols: [symbols], ...ok });
    expect(error.code).toBe('INVALID_QUERY');
    expect(error.message).toContain('too long');
  });

  it.each([['symbols'], ['from'], ['to']])('refuses %s given twice (query arrays)', (name) => {
    const queries: Record<string, string[]> = { symbols: ['7011.T'], ...ok };
    queries[name] = [...(queries[name] ?? []), queries[name]?.[0] ?? ''];
    const error = rejection(queries);
    expect(error.code).toBe('INVALID_QUERY');
    expect(error.message).toContain(`Give ${name} only once`);
  });

  it.each([['symbols'], ['from'], ['to']])('says %s is required when it is missing', (name) => {
    const queries: Record<string, string[]> = { symbols: ['7011.T'], ...ok };
    delete queries[name];
    expect(rejection(queries).message).toContain(`${name} parameter is required`);
  });

  it.each([['2024-02-30'], ['2024-11-6'], ['yesterday'], ['2024-11-06T09:00:00+09:00'], ['２０２４-11-06'], ['0000-01-01'], ['1899-12-31']])('refuses from=%s with INVALID_DATE', (from) => {
    const error = rejection({ symbols: ['7011.T'], from: [from], to: ['2024-11-29'] });
    expect(error.code).toBe('INVALID_DATE');
  });

  it('refuses a reversed range with INVALID_RANGE', () => {
    const error = rejection({ symbols: ['7011.T'], from: ['2024-11-29'], to: ['2024-10-01'] });
    expect(error.code).toBe('INVALID_RANGE');
    expect(error.message).toContain('is after');
  });

  it('allows exactly 20 years and refuses a day more', () => {
    expect(() => parsePricesQuery({ symbols: ['7011.T'], from: ['2004-11-06'], to: ['2024-11-06'] })).not.toThrow();
    const error = rejection({ symbols: ['7011.T'], from: ['2004-11-06'], to: ['2024-11-07'] });
    expect(error.code).toBe('INVALID_RANGE');
    expect(error.message).toContain('20 years');
  });

  it('accepts a one-day range', () => {
    expect(parsePricesQuery({ symbols: ['7011.T'], from: ['2024-11-06'], to: ['2024-11-06'] }).from).toBe('2024-11-06');
  });
});

describe('parseSymbol', () => {
  it('upper-cases a valid symbol and refuses path syntax', () => {
    expect(parseSymbol('^n225')).toBe('^N225');
    expect(() => parseSymbol('../x')).toThrow(InvalidRequestError);
    expect(() => parseSymbol('7011.ß')).toThrow(InvalidRequestError);
  });
});
