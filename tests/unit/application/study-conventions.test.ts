// The conventions of the maths have one source, STUDY_CONVENTIONS (every manifest lists it); the
// README's "Conventions in the maths" repeats it word for word, and this test holds the two equal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STUDY_CONVENTIONS } from '../../../src/application/study-manifest.ts';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The bullets of a README section, each with its wrapped lines joined by single spaces. */
function bulletsOf(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const section = markdown.slice(start + heading.length + 2).split(/\n#{1,6} /)[0] ?? '';
  const bullets: string[] = [];
  for (const line of section.split('\n')) {
    if (line.startsWith('- ')) bullets.push(line.slice(2));
    else if (line.startsWith('  ') && bullets.length > 0) bullets[bullets.length - 1] += ` ${line.trim()}`;
  }
  return bullets;
}

describe('conventions of the maths', () => {
  it("are the README's bullets, word for word", () => {
    expect(bulletsOf(readme, '## Conventions in the maths')).toEqual(STUDY_CONVENTIONS);
  });

  it('give Patell Z and J2 the d/(d − 2) of each model: M − 2 for the market model, M − 1 for the others', () => {
    const patell = STUDY_CONVENTIONS.find((line) => line.startsWith('Patell Z and J2'));
    expect(patell).toContain('(M − 2)/(M − 4) for the market model');
    expect(patell).toContain('(M − 1)/(M − 3) for the mean-adjusted and market-adjusted models');
  });
});
