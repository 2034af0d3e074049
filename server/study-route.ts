/**
 * GET /api/study.csv, /api/study-portfolio.csv, /api/study-manifest.json and /api/study.pptx: the
 * files of the page's downloads ("Download CSV", "Download PowerPoint"), for the query string of
 * the page's URL, as attachments. Errors go through the app's one error mapping
 * (server/error-response.ts).
 */
import type { Context, Hono } from 'hono';
import { buildDeckModel } from '../src/application/deck-model.ts';
import { buildDeckPptx } from '../src/application/deck-pptx.ts';
import { createStudyService, type StudyFiles, type StudyServiceDeps } from './study-service.ts';

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Each route with the file it answers: body, file name, content type. */
const STUDY_FILES: readonly (readonly [string, (made: StudyFiles) => Promise<[string | Uint8Array, string, string]> | [string | Uint8Array, string, string]])[] = [
  ['/api/study.csv', (made) => [made.securitiesCsv, made.fileNames.securities, CSV_TYPE]],
  ['/api/study-portfolio.csv', (made) => [made.portfolioCsv, made.fileNames.portfolio, CSV_TYPE]],
  ['/api/study-manifest.json', (made) => [made.manifestJson, made.fileNames.manifest, JSON_TYPE]],
  ['/api/study.pptx', async (made) => [await buildDeckPptx(buildDeckModel(made.deck)), made.fileNames.deck, PPTX_TYPE]],
];

/** The study routes, for the app's list of API paths. */
export const STUDY_ROUTES: readonly string[] = STUDY_FILES.map(([route]) => route);

/**
 * Adds the study routes to the app (before its /api catch-all).
 * @throws never while registering; each request may fail as createStudyService describes.
 * @example registerStudyRoutes(app, { prices: (query) => service.prices(query), now: () => new Date(), appVersion: '0.1.0' })
 */
export function registerStudyRoutes(app: Hono, deps: StudyServiceDeps): void {
  const study = createStudyService(deps);
  for (const [route, pick] of STUDY_FILES) {
    app.get(route, async (context) => attachment(context, ...(await pick(await study(new URL(context.req.url).search)))));
  }
}

// File names are made of [a-z0-9_.-] only (studyFileNames), so they need no quoting beyond the quotes.
function attachment(context: Context, body: string | Uint8Array, fileName: string, type: string): Response {
  return context.body(typeof body === 'string' ? body : new Uint8Array(body).buffer, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${fileName}"` });
}
