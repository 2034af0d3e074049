/**
 * A study computed from a page query on the REAL offline snapshot, the way the server does it
 * (query codec, plan, composition, engine), for tests of what is built from a study.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeStudy, runComposedStudy, type ComposedStudy } from '../../../../src/application/compose-study.ts';
import { studyPlan, type StudyPlan } from '../../../../src/application/study-plan.ts';
import { parseStudyQuery, type PageQuery } from '../../../../src/application/study-query.ts';
import type { StudyResult } from '../../../../src/core/types.ts';
import { readEventCatalog } from '../../../../src/domain/event-catalog.ts';
import type { PricesResponse } from '../../../../src/domain/price-api.ts';
import { snapshotPrices } from '../../app/helpers/snapshot-api.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CATALOG_EVENTS = readEventCatalog(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/events.json'), 'utf8'))).events;

export interface QueriedStudy {
  query: PageQuery;
  plan: StudyPlan;
  prices: PricesResponse;
  composed: ComposedStudy;
  result: StudyResult;
}

/** The study of a query string, as the server computes it; throws if the query or the study fails. */
export function queryStudy(search: string): QueriedStudy {
  const parsed = parseStudyQuery(search, { catalogEventIds: CATALOG_EVENTS.map((event) => event.id) });
  if (parsed.problems.length > 0) throw new Error(JSON.stringify(parsed.problems));
  const plan = studyPlan(parsed.query.study, CATALOG_EVENTS);
  if (!plan.range) throw new Error('no price range');
  const prices = snapshotPrices(plan.symbols, plan.range.from, plan.range.to);
  const composed = composeStudy({ series: prices.series, events: plan.events, allEvents: plan.allEvents, securities: plan.securities, returnKind: plan.returnKind });
  const outcome = runComposedStudy(composed, plan.options);
  if (outcome.error) throw new Error(outcome.error.message);
  return { query: parsed.query, plan, prices, composed, result: outcome.result };
}
