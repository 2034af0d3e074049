/**
 * The files of a computed study that the server answers, one route each, in two parts: the tables
 * of "Download CSV" (both CSVs and the manifest, built together from one computation) and the deck
 * of "Download PowerPoint" (built only when it is asked for: it costs several times the tables).
 * The worker builds the files of one part per job, and the routes are registered from this list.
 */
import type { DeckModelInput } from '../../src/application/deck-model.ts';
import type { StudyExport } from '../../src/application/study-export.ts';
import type { StudyFileNames } from '../../src/application/study-manifest.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The files one job builds together. */
export type StudyPart = 'tables' | 'deck';

/** What a file is made from: the study's file names, its exported tables and its deck input, each built on first use. */
export interface StudyFiles {
  fileNames: StudyFileNames;
  tables: () => StudyExport;
  deck: () => DeckModelInput;
}

export interface StudyFileKind {
  /** The API route that answers this file. */
  route: string;
  contentType: string;
  part: StudyPart;
  /** The file's name and content, made from the computed study (in the worker). */
  make: (made: StudyFiles) => { name: string; content: string | Uint8Array } | Promise<{ name: string; content: string | Uint8Array }>;
}

export const STUDY_FILES: readonly StudyFileKind[] = [
  { route: '/api/study.csv', contentType: CSV_TYPE, part: 'tables', make: (made) => ({ name: made.fileNames.securities, content: made.tables().securitiesCsv }) },
  { route: '/api/study-portfolio.csv', contentType: CSV_TYPE, part: 'tables', make: (made) => ({ name: made.fileNames.portfolio, content: made.tables().portfolioCsv }) },
  { route: '/api/study-manifest.json', contentType: JSON_TYPE, part: 'tables', make: (made) => ({ name: made.fileNames.manifest, content: made.tables().manifestJson }) },
  { route: '/api/study.pptx', contentType: PPTX_TYPE, part: 'deck', make: async (made) => ({ name: made.fileNames.deck, content: await deckFile(made.deck()) }) },
];

// The deck's builders (pptxgenjs, JSZip) are loaded by the first deck job only: a worker that makes CSVs never evaluates them.
async function deckFile(input: DeckModelInput): Promise<Uint8Array> {
  const [{ buildDeckModel }, { buildDeckPptx }] = await Promise.all([import('../../src/application/deck-model.ts'), import('../../src/application/deck-pptx.ts')]);
  return buildDeckPptx(buildDeckModel(input));
}

/** The study routes, for the app's list of API paths. */
export const STUDY_ROUTES: readonly string[] = STUDY_FILES.map((file) => file.route);
