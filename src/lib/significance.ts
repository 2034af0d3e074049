/** The page's path to the significance stars, which live in src/application so the slides built there and on the server star numbers the same way. */
export * from '../application/significance.ts';
