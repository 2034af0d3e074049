// The stars and levels are a domain fact (src/domain/significance.ts); the page's features read them here.
export * from '../domain/significance.ts';
