/**
 * A study query run as the page and the server run it (plan, prices from the REAL offline snapshot,
 * composition, the guarded engine run) and its export, for the application tests.
 */
import { composeStudy } from '../../../../src/application/compose-study.ts';
import { runComposedStudy } from '../../../../src/application/study-analysis.ts';
import { buildStudyExport } from '../../../../src/application/study-export.ts';
import { studyPlan } from '../../../../src/application/study-plan.ts';
import type { StudyQuery } from '../../../../src/application/study-query.ts';
import { readEventCatalog } from '../../../../src/domain/event-catalog.ts';
import eventsJson from '../../../../data/events.json';
import { snapshotPrices } from '../../app/helpers/snapshot-api.ts';

export const catalog = readEventCatalog(eventsJson);
const GENERATED_AT = new Date('2026-03-01T09:30:00.000Z');

/**
 * The plan, prices, composition and analysis of a query on the snapshot, and its files.
 * @throws Error when the query has no price range or the engine refuses the study.
 */
export function snapshotStudy(query: StudyQuery) {
  const plan = studyPlan(query, catalog.events);
  if (!plan.range) throw new Error('no price range');
  const prices = snapshotPrices(plan.symbols, plan.range.from, plan.range.to);
  const composed = composeStudy({ series: prices.series, events: plan.events, allEvents: plan.allEvents, securities: plan.securities, returnKind: plan.returnKind });
  const outcome = runComposedStudy(composed, plan.options, plan.guards);
  if (!outcome.analysis) throw new Error(outcome.error.message);
  const { analysis } = outcome;
  const files = buildStudyExport({ appVersion: '9.9.9-test', generatedAt: GENERATED_AT, query, events: plan.allEvents, prices, composed, analysis });
  return { plan, prices, composed, analysis, result: analysis.result, files };
}
