import { parseArticle, type Article } from '../../../domain/article-format.ts';

export interface ArticleCatalog {
  articles: Article[];
  /** One line per article file that could not be parsed. */
  problems: string[];
}

/**
 * Parses article files (data/articles/*.md) keyed by path; a malformed file is reported, not fatal.
 * @throws never
 * @example readArticleCatalog({}).articles // []
 */
export function readArticleCatalog(files: Readonly<Record<string, string>>): ArticleCatalog {
  const articles: Article[] = [];
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    try {
      articles.push(parseArticle(text));
    } catch (error) {
      problems.push(`${path.replace(/^.*\/data\//, 'data/')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { articles, problems };
}

/** The articles bundled at build time from data/articles. */
export const ARTICLE_CATALOG: ArticleCatalog = readArticleCatalog(
  import.meta.glob<string>('../../../../data/articles/*.md', { query: '?raw', import: 'default', eager: true }),
);
