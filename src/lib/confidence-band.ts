/** The page's path to the confidence bands, which live in src/application so the slides built there and on the server draw the same band. */
export * from '../application/confidence-band.ts';
