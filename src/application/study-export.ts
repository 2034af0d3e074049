/**
 * The three files of a study export, built by the same code in the page ("Download CSV") and on
 * the server (/api/study.csv, /api/study-portfolio.csv, /api/study-manifest.json), so the page's
 * file equals the server's byte for byte for the same query and prices.
 */
import { priceSourceLabel, studyAggregateSectionsCsv, studySecuritySectionsCsv } from './study-csv.ts';
import { buildStudyManifest, studyManifestJson, type ManifestInput, type StudyFileNames, type StudyManifest } from './study-manifest.ts';
import { studyQueryString, type StudyQuery } from './study-query.ts';

/** What the export is built from: the manifest's input, less the file names the export picks. */
export type StudyExportInput = Omit<ManifestInput, 'fileNames'>;

export interface StudyExport {
  fileNames: StudyFileNames;
  securitiesCsv: string;
  portfolioCsv: string;
  manifest: StudyManifest;
  manifestJson: string;
}

const LONGEST_NAME_PART = 80;

/**
 * The per-security CSV, the portfolio CSV and the manifest of a computed study.
 * The per-security CSV holds every security–event unit, then an event cluster's units under the
 * cluster's id; the portfolio CSV each event or cluster under its own id, then, only when several
 * events pool validly (no overlap), the pooled rows with an empty event id.
 * @throws {EventStudyError} INVALID_INPUT if the result holds a non-finite number (the engine never
 *   produces one).
 * @example buildStudyExport({ appVersion: '0.1.0', generatedAt: new Date(), query, events, prices, composed, analysis }).fileNames.securities
 *   // 'kabuto-us-election-2024-<8 hex digits>-securities.csv'
 */
export function buildStudyExport(input: StudyExportInput): StudyExport {
  const fileNames = studyFileNames(input.query);
  const manifest = buildStudyManifest({ ...input, fileNames });
  return {
    fileNames,
    securitiesCsv: studySecuritySectionsCsv([input.analysis.result, ...clusters(input).map((group) => group.result)], {
      priceSources: Object.fromEntries(input.prices.series.map((series) => [series.symbol, priceSourceLabel(series)])),
    }),
    portfolioCsv: studyAggregateSectionsCsv([
      ...input.analysis.groups.map((group) => ({ eventId: group.id, result: group.result })),
      ...(input.analysis.pooled ? [{ eventId: null, result: input.analysis.result }] : []),
    ]),
    manifest,
    manifestJson: studyManifestJson(manifest),
  };
}

/**
 * File names safe on every system and in a Content-Disposition header: "kabuto-", the event ids
 * (lower case letters, digits and dashes; several joined by "_", or the first and a count when
 * that grows long), a short hash of the study's canonical query, then the file's kind. Two
 * studies of the same event (other securities, model or windows) get different names, and the
 * page and the server the same name for the same study.
 * @throws never
 * @example studyFileNames(DEFAULT_STUDY_QUERY).portfolio // 'kabuto-us-election-2024-<8 hex digits>-portfolio.csv'
 */
export function studyFileNames(query: StudyQuery): StudyFileNames {
  const base = `kabuto-${eventsPart(query.eventIds)}-${studyHash(studyQueryString(query))}`;
  return { securities: `${base}-securities.csv`, portfolio: `${base}-portfolio.csv`, manifest: `${base}-manifest.json`, deck: `${base}-deck.pptx` };
}

function clusters(input: StudyExportInput) {
  return input.analysis.groups.filter((group) => group.kind === 'cluster');
}

/**
 * Eight hex digits naming a study: the 32-bit FNV-1a hash (Fowler, Noll & Vo) of the UTF-16 code
 * units of its canonical query. Not a security measure, only a way to tell studies apart in a
 * downloads folder: two different studies share a name with odds of about 1 in 4 billion.
 * @example studyHash('') // '811c9dc5'
 */
export function studyHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function eventsPart(eventIds: readonly string[]): string {
  const slugs = eventIds.map(slug).filter((text) => text !== '');
  const [first] = slugs;
  if (first === undefined) return 'study';
  const joined = slugs.join('_');
  return joined.length <= LONGEST_NAME_PART ? joined : `${first.slice(0, LONGEST_NAME_PART)}-and-${slugs.length - 1}-more`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
}
