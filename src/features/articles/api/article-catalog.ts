import { readArticleCatalog, type ArticleCatalog } from '../../../application/article-catalog.ts';

/** The articles and their market claims, bundled at build time from data/articles. */
export const ARTICLE_CATALOG: ArticleCatalog = readArticleCatalog({
  ...import.meta.glob<string>('../../../../data/articles/*.md', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('../../../../data/articles/*.claims.json', { query: '?raw', import: 'default', eager: true }),
});
