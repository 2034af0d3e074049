import { z } from 'zod';
import { isCalendarDate } from '../../src/domain/calendar.ts';
import { SERIES_PROVENANCE_FIELDS } from '../../src/domain/provenance.ts';

const calendarDate = z.string().refine(isCalendarDate, { error: 'must be a YYYY-MM-DD date' });

/** A data file name inside data/snapshot: no directories, no `..`, so it cannot point elsewhere. */
const snapshotFileName = z
  .string()
  .regex(/^[A-Za-z0-9^=_-][A-Za-z0-9.^=_-]*\.csv$/, { error: 'must be a plain .csv file name' })
  .refine((name) => !name.includes('..'), { error: 'must not contain ..' });

// Loose so that provenance fields the snapshot adds later still reach the analyst unchanged.
const provenanceSchema = z.looseObject(SERIES_PROVENANCE_FIELDS);

const gapSchema = z.object({
  from: calendarDate,
  to: calendarDate,
  days: z.number().int().positive(),
  reason: z.string(),
});

const seriesSchema = z.object({
  symbol: z.string().min(1),
  name: z.string(),
  exchange: z.string(),
  exchangeName: z.string(),
  currency: z.string(),
  exchangeTimezoneName: z.string(),
  kind: z.enum(['equity', 'index', 'etf']),
  benchmarks: z.array(z.string()),
  file: snapshotFileName,
  firstDate: calendarDate,
  lastDate: calendarDate,
  rows: z.number().int().nonnegative(),
  // Manifests of npm run data:refresh (Yahoo's own calendar) and of older builds have no gaps.
  gaps: z.array(gapSchema).default([]),
  provenance: provenanceSchema,
});

/** data/snapshot/manifest.json as written by `npm run data:snapshot`. */
export const snapshotManifestSchema = z.object({
  builtAt: z.string(),
  builtBy: z.string(),
  series: z.array(seriesSchema),
});

export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;
export type SnapshotManifestSeries = SnapshotManifest['series'][number];
