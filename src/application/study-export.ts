/**
 * The three files of a study export, built by the same code in the page ("Download CSV") and on
 * the server (/api/study.csv, /api/study-portfolio.csv, /api/study-manifest.json), so the page's
 * file equals the server's byte for byte for the same query and prices.
 */
import { priceSourceLabel, studyAggregateCsv, studySecuritiesCsv } from './study-csv.ts';
import { buildStudyManifest, studyManifestJson, type ManifestInput, type StudyFileNames, type StudyManifest } from './study-manifest.ts';

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
 * @throws {EventStudyError} INVALID_INPUT if the result holds a non-finite number (the engine never
 *   produces one).
 * @example buildStudyExport({ appVersion: '0.1.0', generatedAt: new Date(), query, events, prices, composed, result }).fileNames.securities
 *   // 'kabuto-us-election-2024-securities.csv'
 */
export function buildStudyExport(input: StudyExportInput): StudyExport {
  const fileNames = studyFileNames(input.query.eventIds);
  const manifest = buildStudyManifest({ ...input, fileNames });
  return {
    fileNames,
    securitiesCsv: studySecuritiesCsv(input.result, { priceSources: Object.fromEntries(input.prices.series.map((series) => [series.symbol, priceSourceLabel(series)])) }),
    portfolioCsv: studyAggregateCsv(input.result),
    manifest,
    manifestJson: studyManifestJson(manifest),
  };
}

/**
 * File names safe on every system and in a Content-Disposition header: "kabuto-", the event ids
 * (lower case letters, digits and dashes; several joined by "_", or the first and a count when
 * that grows long), then the file's kind.
 * @throws never
 * @example studyFileNames(['us-election-2024']).portfolio // 'kabuto-us-election-2024-portfolio.csv'
 */
export function studyFileNames(eventIds: readonly string[]): StudyFileNames {
  const base = `kabuto-${eventsPart(eventIds)}`;
  return { securities: `${base}-securities.csv`, portfolio: `${base}-portfolio.csv`, manifest: `${base}-manifest.json`, deck: `${base}-deck.pptx` };
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
