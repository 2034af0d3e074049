/**
 * A user's factor file read by the domain's rules (the page's upload and, later, the command-line
 * tool's --factors): what is accepted, and every problem named by line and column. The files here are
 * made up, a few lines each.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/domain/content-hash.ts';
import { FACTOR_FILE_LIMITS, readFactorFile } from '../../../src/domain/factor-file.ts';
import { shortFactorHash } from '../../../src/domain/factor-hash.ts';

describe('readFactorFile', () => {
  it("reads a date column and one column per factor, dates sorted, YYYYMMDD as Kenneth French's files write them, empty or NA as a missing day", () => {
    const text = 'Date,SMB,HML,Mkt-RF\r\n20241107,0.12,NA,-1e-3\r\n2024-11-06,-0.5, ,2\r\n';
    const reading = readFactorFile(text, ' ff3.csv ');
    expect(reading.problems).toEqual([]);
    expect(reading.file).toEqual({
      name: 'ff3.csv',
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      factors: ['SMB', 'HML', 'Mkt-RF'],
      dates: ['2024-11-06', '2024-11-07'],
      values: { SMB: [-0.5, 0.12], HML: [null, null], 'Mkt-RF': [2, -0.001] },
    });
  });

  it('names every bad cell by its line and column, and a repeated or impossible date', () => {
    const text = 'date,SMB,HML\n2024-11-06,0.1,abc\n2024-11-07,1.5%,0.2\n2024-11-06,0,0\n2024-02-30,0,0\n2024-11-08,0\n';
    expect(readFactorFile(text, 'bad.csv')).toEqual({
      file: null,
      problems: [
        'Line 2, column HML: "abc" is not a number.',
        'Line 3, column SMB: "1.5%" is not a number.',
        'Line 4: the date 2024-11-06 is already on line 2.',
        'Line 5, column date: "2024-02-30" is not a date written YYYY-MM-DD (or YYYYMMDD).',
        'Line 6 has 2 cells; the header names 3.',
      ],
    });
  });

  it('counts blank lines in the line numbers it gives, as an editor shows them', () => {
    expect(readFactorFile('\ndate,SMB\n2024-11-06,0.1\n\n  \n2024-11-07,abc\n', 'blank.csv').problems).toEqual(['Line 6, column SMB: "abc" is not a number.']);
    expect(readFactorFile('\n\nday,SMB\n', 'blank.csv').problems).toEqual(['Line 3: The first column must be the date column, headed "date"; it is headed "day".']);
  });

  it('lists five problems and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, index) => `2024-11-${String(index + 1).padStart(2, '0')},x`);
    const { problems } = readFactorFile(['date,SMB', ...rows].join('\n'), 'x.csv');
    expect(problems).toHaveLength(6);
    expect(problems.at(-1)).toBe('… and 3 more problems.');
  });

  it('refuses a header without a date column first, factor names a link cannot carry, a factor twice, and files with nothing or too much in them', () => {
    expect(readFactorFile('', 'a.csv').problems).toEqual(['The file is empty; it needs a header line (date,SMB,HML) and one line per day.']);
    expect(readFactorFile('SMB,date\n', 'a.csv').problems).toEqual(['Line 1: The first column must be the date column, headed "date"; it is headed "SMB".']);
    expect(readFactorFile('date\n2024-11-06\n', 'a.csv').problems).toEqual(['Line 1: The first line must name a date column and at least one factor, e.g. date,SMB,HML.']);
    expect(readFactorFile('date,small minus big\n', 'a.csv').problems[0]).toMatch(/^Line 1: "small minus big" is not a factor name/);
    expect(readFactorFile('date,SMB,SMB\n2024-11-06,1,2\n', 'a.csv').problems).toEqual(['Line 1: The factor SMB has two columns.']);
    expect(readFactorFile('date,SMB\n', 'a.csv').problems).toEqual(['The file has a header but no days.']);
    const wide = ['date', ...Array.from({ length: FACTOR_FILE_LIMITS.factors + 1 }, (_, index) => `F${index}`)].join(',');
    expect(readFactorFile(`${wide}\n`, 'a.csv').problems).toEqual([`Line 1: It has ${FACTOR_FILE_LIMITS.factors + 1} factor columns; a study takes at most ${FACTOR_FILE_LIMITS.factors}.`]);
  });
});

describe('sha256Hex', () => {
  it('is SHA-256 of the UTF-8 bytes: the FIPS 180-4 vectors and node:crypto on texts across block boundaries and outside ASCII', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    for (const text of ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'date,防衛\n2024-11-06,é\n'.repeat(300)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(shortFactorHash(sha256Hex('abc'))).toBe('ba7816bf8f01cfea');
  });
});
