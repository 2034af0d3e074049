/**
 * Where a price series comes from, once for the project: the snapshot manifest, the price API,
 * the study manifest and the chart images all carry this shape.
 */
import { z } from 'zod';

/**
 * The provenance fields as a zod shape: `z.object` of it for an answer that must carry exactly
 * these fields, `z.looseObject` of it where fields added later must pass through (the snapshot).
 */
export const SERIES_PROVENANCE_FIELDS = {
  /** Human-readable origin, e.g. "J-Quants (JPX) daily bars via keroppa88/chart0" or "yahoo-finance2 chart(), fetched 2026-11-28T07:00:00Z". */
  source: z.string(),
  repository: z.string().optional(),
  commit: z.string().optional(),
  path: z.string().optional(),
  blob: z.string().optional(),
  /** Split / dividend adjustment of close and adjClose. */
  adjustment: z.string(),
  defects: z.array(z.string()),
  license: z.string().optional(),
};

export const seriesProvenanceSchema = z.object(SERIES_PROVENANCE_FIELDS);

export type SeriesProvenance = z.infer<typeof seriesProvenanceSchema>;
