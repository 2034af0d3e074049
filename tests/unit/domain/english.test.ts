import { describe, expect, it } from 'vitest';
import { counted, listInWords, possessive } from '../../../src/domain/english.ts';

describe('possessive', () => {
  it('gives a name ending in s the apostrophe alone', () => {
    expect(possessive('Mitsubishi Heavy Industries')).toBe("Mitsubishi Heavy Industries'");
    expect(possessive('BAE Systems')).toBe("BAE Systems'");
    expect(possessive('SAAB-B.ST')).not.toContain("S's");
  });

  it("gives any other name 's", () => {
    expect(possessive('IHI Corporation')).toBe("IHI Corporation's");
    expect(possessive('IHI')).toBe("IHI's");
    expect(possessive('7013.T')).toBe("7013.T's");
    expect(possessive('Lockheed Martin Corp.')).toBe("Lockheed Martin Corp.'s");
  });

  it('never writes "s\'s", and ignores surrounding spaces', () => {
    for (const name of ['Industries', 'Systems ', 'Thales', 'NOS']) expect(possessive(name)).not.toMatch(/s's$/i);
    expect(possessive(' NEC ')).toBe("NEC's");
  });
});

describe('listInWords and counted', () => {
  it('joins items as a sentence does', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['MHI'])).toBe('MHI');
    expect(listInWords(['MHI', 'IHI'])).toBe('MHI and IHI');
    expect(listInWords(['MHI', 'IHI', 'KHI'])).toBe('MHI, IHI and KHI');
  });

  it('puts the noun in the plural except for one', () => {
    expect(counted(1, 'security', 'securities')).toBe('1 security');
    expect(counted(2, 'security', 'securities')).toBe('2 securities');
    expect(counted(0, 'day')).toBe('0 days');
  });
});
