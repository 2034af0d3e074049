import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSymbol } from '../../../server/request-validation.ts';
import { symbolSyntaxProblem } from '../../../src/domain/symbol.ts';

function serverAccepts(symbol: string): boolean {
  try {
    return parseSymbol(symbol) === symbol;
  } catch {
    return false;
  }
}

describe('symbolSyntaxProblem', () => {
  it('accepts Yahoo symbols and refuses paths, spaces, formulas and overlong text', () => {
    for (const symbol of ['7011.T', '^N225', 'TOPIX', 'JPY=X', 'BRK-B', 'A']) expect(symbolSyntaxProblem(symbol)).toBeNull();
    for (const symbol of ['', '../ETC', '.T', '7011 T', "=CMD|' /C CALC'!A0", '-1', '^', 'A..B', 'X'.repeat(21), '7011.T\n']) {
      expect(symbolSyntaxProblem(symbol), symbol).not.toBeNull();
    }
  });

  it('agrees with the price server on every upper-case text, so the page never links a symbol the server refuses', () => {
    const character = fc.constantFrom(...'AZ09^.=-_ /|%\u00e9'.split(''));
    const candidates = fc.oneof(fc.string({ unit: character, maxLength: 24 }), fc.string({ maxLength: 24 }).map((text) => text.toUpperCase()));
    fc.assert(
      fc.property(candidates, (symbol) => {
        expect(symbolSyntaxProblem(symbol) === null).toBe(serverAccepts(symbol));
      }),
      { numRuns: 2000 },
    );
  });
});
