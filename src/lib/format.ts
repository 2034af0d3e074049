/** The page's path to the display formatting, which lives in src/application so the slides built there and on the server format numbers the same way. */
export * from '../application/display-format.ts';
