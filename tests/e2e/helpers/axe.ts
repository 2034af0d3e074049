/**
 * axe-core (Deque's accessibility engine, npm package axe-core 4.14) run inside a real page: its
 * source is evaluated in the page (no <script> tag, so the server's Content-Security-Policy does not
 * stand in the way), then axe.run checks the document against WCAG 2.1 A and AA and axe's best
 * practices.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  id: string;
  impact: string | null;
  /** The selectors of the offending elements and axe's message for the first one. */
  where: string;
}

/**
 * Every violation axe finds on the page as it is now, one line each.
 * @example expect((await axeViolations(page)).filter(isSerious)).toEqual([])
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    type Result = { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Result[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })) }));
  }, RULE_TAGS);
  return violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    where: `${violation.nodes.map((node) => node.target).join(', ')} — ${violation.nodes[0]?.summary ?? ''}`,
  }));
}

/** The findings that the bar counts: serious and critical. */
export function isSerious(finding: AxeFinding): boolean {
  return finding.impact === 'serious' || finding.impact === 'critical';
}

/** The page's headings in document order, as [level, text]. */
export function headingOutline(page: Page): Promise<[number, string][]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading): [number, string] => [Number(heading.tagName.slice(1)), heading.textContent?.trim() ?? '']));
}
