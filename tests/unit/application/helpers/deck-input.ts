/**
 * The deck input of a study computed from a page query on the REAL offline snapshot, with the
 * article's real claims: what the page and the server build the deck from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readArticleCatalog } from '../../../../src/application/article-catalog.ts';
import type { DeckModelInput } from '../../../../src/application/deck-model.ts';
import { PROJECT_ROOT, queryStudy } from './query-study.ts';

const ARTICLE = 'data/articles/japan-us-alliance-defence-stocks';
export const ARTICLES = readArticleCatalog(Object.fromEntries(['.md', '.claims.json'].map((suffix) => [`${ARTICLE}${suffix}`, readFileSync(path.join(PROJECT_ROOT, `${ARTICLE}${suffix}`), 'utf8')])));

export function deckInputOf(search: string): DeckModelInput {
  const study = queryStudy(search);
  return {
    appVersion: '0.1.0',
    query: study.query.study,
    significanceTest: study.query.view.significanceTest,
    events: study.plan.allEvents,
    prices: study.prices,
    composed: study.composed,
    result: study.result,
    claims: ARTICLES.claims,
  };
}
