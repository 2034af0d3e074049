/**
 * The files of a computed study that the server answers, one route each. The worker builds every
 * file of this list from the one computation, and the routes are registered from it: the three of
 * "Download CSV" and the PowerPoint deck of "Download PowerPoint".
 */
import type { DeckModelInput } from '../../src/application/deck-model.ts';
import { buildDeckModel } from '../../src/application/deck-model.ts';
import { buildDeckPptx } from '../../src/application/deck-pptx.ts';
import type { StudyExport } from '../../src/application/study-export.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The study's files as exported, and what its deck is built from. */
export type StudyFiles = StudyExport & { deck: DeckModelInput };

export interface StudyFileKind {
  /** The API route that answers this file. */
  route: string;
  contentType: string;
  /** The file's name and content, made from the computed study (in the worker). */
  make: (made: StudyFiles) => { name: string; content: string | Uint8Array } | Promise<{ name: string; content: string | Uint8Array }>;
}

export const STUDY_FILES: readonly StudyFileKind[] = [
  { route: '/api/study.csv', contentType: CSV_TYPE, make: (made) => ({ name: made.fileNames.securities, content: made.securitiesCsv }) },
  { route: '/api/study-portfolio.csv', contentType: CSV_TYPE, make: (made) => ({ name: made.fileNames.portfolio, content: made.portfolioCsv }) },
  { route: '/api/study-manifest.json', contentType: JSON_TYPE, make: (made) => ({ name: made.fileNames.manifest, content: made.manifestJson }) },
  { route: '/api/study.pptx', contentType: PPTX_TYPE, make: async (made) => ({ name: made.fileNames.deck, content: await buildDeckPptx(buildDeckModel(made.deck)) }) },
];

/** The study routes, for the app's list of API paths. */
export const STUDY_ROUTES: readonly string[] = STUDY_FILES.map((file) => file.route);
