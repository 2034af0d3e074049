/**
 * The deck input of a study computed from a page query on the REAL offline snapshot, with the
 * article's real claims: what the page and the server build the deck from (the guarded analysis,
 * and its summary read with the query's `test=`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleCatalog } from '../../../../src/application/article-catalog.ts';
import type { DeckModelInput } from '../../../../src/application/deck-model.ts';
import { parseStudyQuery, type PageQuery } from '../../../../src/application/study-query.ts';
import { buildStudySummary, summaryInputOf } from '../../../../src/application/study-summary.ts';
import { catalog, snapshotStudy } from './snapshot-study.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ARTICLE = 'data/articles/japan-us-alliance-defence-stocks';
export const ARTICLES = readArticleCatalog(Object.fromEntries(['.md', '.claims.json'].map((suffix) => [`${ARTICLE}${suffix}`, readFileSync(path.join(PROJECT_ROOT, `${ARTICLE}${suffix}`), 'utf8')])));

/** A page query string read as the server reads it; throws on a problem, so a test never runs on a fallback. */
export function pageQuery(search: string): PageQuery {
  const parsed = parseStudyQuery(search, { catalogEventIds: catalog.events.map((event) => event.id) });
  if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
  return parsed.query;
}

export function deckInputOf(search: string): DeckModelInput {
  const query = pageQuery(search);
  const study = snapshotStudy(query.study);
  const selection = query.view.significanceTest;
  const events = study.plan.allEvents;
  return {
    appVersion: '0.1.0',
    query: query.study,
    selection,
    events,
    prices: study.prices,
    composed: study.composed,
    analysis: study.analysis,
    summary: buildStudySummary(summaryInputOf({ analysis: study.analysis, events, composed: study.composed, prices: study.prices, selection })),
    claims: ARTICLES.claims,
  };
}
