/**
 * One study computation, from prices to files: what the study worker runs (study-worker.ts), in
 * plain structured-cloneable data both ways so it can cross a worker boundary.
 */
import type { CheckedClaim } from '../../src/application/claim-findings.ts';
import { composeStudy } from '../../src/application/compose-study.ts';
import { runComposedStudy } from '../../src/application/study-analysis.ts';
import { buildStudySummary, summaryInputOf } from '../../src/application/study-summary.ts';
import type { TestSelection } from '../../src/domain/test-choice.ts';
import type { PricesResponse } from '../../src/domain/price-api.ts';
import type { StudyEvent } from '../../src/domain/study-event.ts';
import { buildStudyExport, studyFileNames, type StudyExport } from '../../src/application/study-export.ts';
import { studyPlan } from '../../src/application/study-plan.ts';
import type { StudyQuery } from '../../src/application/study-query.ts';
import { strongEtag } from '../http/etag.ts';
import { STUDY_FILES, type StudyFiles, type StudyPart } from './study-files.ts';

export interface StudyJob {
  /** Which files to build: the tables (CSVs and manifest) or the deck. */
  part: StudyPart;
  query: StudyQuery;
  /** The test the deck reads each group's result with: the query's `test=`, the rules' choice ('auto') by default. */
  selection: TestSelection;
  /** The events of data/events.json. */
  catalogEvents: StudyEvent[];
  /** The market claims of data/articles, which the deck checks against the study. */
  claims: CheckedClaim[];
  /**
   * The prices as the UTF-8 JSON of /api/prices (server/prices-json.ts keeps those bytes): copying
   * bytes to a worker costs a fraction of a millisecond, cloning ten thousand bar objects tens.
   */
  pricesJson: Uint8Array;
  appVersion: string;
  /** ISO time written into the manifest as generatedAt. */
  generatedAt: string;
}

/** One file of a computed study, as STUDY_FILES lists them. */
export interface ComputedFile {
  /** The route of STUDY_FILES that answers it. */
  route: string;
  name: string;
  body: Uint8Array;
  etag: string;
}

/** The files of the job's part in STUDY_FILES order, or why no study comes out of the query and prices. */
export type StudyJobResult = { computable: true; files: ComputedFile[] } | { computable: false; message: string };

/** At most this many failures are named in a message; the manifest lists them all. */
const FAILURES_NAMED = 3;

/**
 * Composes the study, runs the engine and builds the files of STUDY_FILES in the job's part, each
 * with its strong ETag. The same functions as the page's "Download CSV" and "Download PowerPoint".
 * @throws only for a fault of the program itself (the engine's own errors become `computable: false`).
 * @example (await computeStudyJob({ part: 'tables', query, selection: 'auto', catalogEvents, claims: [], pricesJson, appVersion: '0.1.0', generatedAt: '2026-01-01T00:00:00.000Z' })).computable
 */
export async function computeStudyJob(job: StudyJob): Promise<StudyJobResult> {
  const prices = JSON.parse(new TextDecoder().decode(job.pricesJson)) as PricesResponse;
  const plan = studyPlan(job.query, job.catalogEvents);
  const composed = composeStudy({ series: prices.series, priceFailures: prices.failures, events: plan.events, allEvents: plan.allEvents, securities: plan.securities, returnKind: plan.returnKind });
  const outcome = runComposedStudy(composed, plan.options, plan.guards);
  if (outcome.error) return { computable: false, message: `The study could not be computed: ${outcome.error.message}` };
  if (outcome.result.securities.length === 0) return { computable: false, message: noSecurityMessage(outcome.result.failures.map((failure) => failure.error.message)) };
  const { analysis } = outcome;
  let tables: StudyExport | undefined;
  const made: StudyFiles = {
    fileNames: studyFileNames(job.query),
    tables: () => (tables ??= buildStudyExport({ appVersion: job.appVersion, generatedAt: new Date(job.generatedAt), query: job.query, events: plan.allEvents, prices, composed, analysis })),
    // The deck states the answer as the page's panel does: the same analysis, read with the page's test.
    deck: () => {
      const summary = buildStudySummary(summaryInputOf({ analysis, events: plan.allEvents, composed, prices, selection: job.selection }));
      return { appVersion: job.appVersion, query: job.query, selection: job.selection, events: plan.allEvents, prices, composed, analysis, summary, claims: job.claims };
    },
  };
  const encoder = new TextEncoder();
  const files = await Promise.all(
    STUDY_FILES.filter((kind) => kind.part === job.part).map(async (kind) => {
      const { name, content } = await kind.make(made);
      const body = typeof content === 'string' ? encoder.encode(content) : content;
      return { route: kind.route, name, body, etag: strongEtag(body) };
    }),
  );
  return { computable: true, files };
}

/** The buffers of a result, to transfer (not copy) to the main thread. */
export function resultTransferList(result: StudyJobResult): ArrayBuffer[] {
  return result.computable ? result.files.map((file) => file.body.buffer as ArrayBuffer) : [];
}

/** Bytes a result holds, for the study cache's budget. */
export function resultBytes(result: StudyJobResult): number {
  return result.computable ? result.files.reduce((sum, file) => sum + file.body.byteLength + file.name.length, 0) : result.message.length;
}

function noSecurityMessage(failures: readonly string[]): string {
  const named = failures.slice(0, FAILURES_NAMED).join(' ');
  const more = failures.length > FAILURES_NAMED ? ` (and ${failures.length - FAILURES_NAMED} more)` : '';
  return `No security of the study could be computed: ${named}${more}`;
}
