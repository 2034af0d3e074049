/**
 * GET /api/study.csv, /api/study-portfolio.csv, /api/study-manifest.json and /api/study.pptx
 * (server/study/study-files.ts lists them): the files of the page's "Download CSV" and "Download
 * PowerPoint", for the query string of the page's URL, as attachments. Errors go through the app's
 * one error mapping (server/error-response.ts).
 */
import type { Hono } from 'hono';
import type { Compressor } from './http/compression.ts';
import { entityResponse, NO_STORE, REVALIDATE } from './http/entity-response.ts';
import type { StudyAnswer } from './study-service.ts';
import { STUDY_FILES, type StudyPart } from './study/study-files.ts';

/**
 * Adds the study routes to the app (before its /api catch-all). Files resting on the snapshot alone
 * carry their ETag and are revalidated; others (live or stale prices) are not stored.
 * @throws never while registering; each request may fail as createStudyService describes.
 * @example registerStudyRoutes(app, createStudyService(deps), compressor)
 */
export function registerStudyRoutes(app: Hono, study: (search: string, signal?: AbortSignal, part?: StudyPart) => Promise<StudyAnswer>, compressor: Compressor): void {
  STUDY_FILES.forEach((kind) => {
    app.get(kind.route, async (context) => {
      const answer = await study(new URL(context.req.url).search, context.req.raw.signal, kind.part);
      const file = answer.files.find((made) => made.route === kind.route);
      if (!file) throw new Error(`The study job made no file for ${kind.route}.`);
      // File names are made of [a-z0-9_.-] only (studyFileNames), so they need no quoting beyond the quotes.
      const entity = {
        body: file.body,
        contentType: kind.contentType,
        cacheControl: answer.snapshotBacked ? REVALIDATE : NO_STORE,
        etag: answer.snapshotBacked ? file.etag : undefined,
        headers: { 'Content-Disposition': `attachment; filename="${file.name}"` },
      };
      return entityResponse(context.req.raw, entity, compressor);
    });
  });
}
