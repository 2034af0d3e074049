/**
 * The articles of data/articles and their market claims, read from the files' contents keyed by
 * path: the page bundles the files at build time, the server reads them from disk, and both go
 * through this one reader.
 */
import { parseArticle, type Article } from '../domain/article-format.ts';
import { readArticleClaims, type MarketClaim } from '../domain/claim-check.ts';

export interface ArticleCatalog {
  articles: Article[];
  /** The market claims of every article (data/articles/<id>.claims.json), checked against the excerpts. */
  claims: MarketClaim[];
  /** One line per file that could not be read. */
  problems: string[];
}

const CLAIMS_SUFFIX = '.claims.json';

/**
 * Parses article files (`<id>.md`) and claims files (`<id>.claims.json`) keyed by path; a malformed
 * file is reported, not fatal, and a claims file without its article is a problem too.
 * @throws never
 * @example readArticleCatalog({}).articles // []
 */
export function readArticleCatalog(files: Readonly<Record<string, string>>): ArticleCatalog {
  const articles: Article[] = [];
  const claims: MarketClaim[] = [];
  const problems: string[] = [];
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const shown = (path: string) => path.replace(/^.*\/data\//, 'data/');
  for (const [path, text] of entries.filter(([name]) => name.endsWith('.md'))) {
    try {
      articles.push(parseArticle(text));
    } catch (error) {
      problems.push(`${shown(path)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [path, text] of entries.filter(([name]) => name.endsWith(CLAIMS_SUFFIX))) {
    const articleId = path.slice(path.lastIndexOf('/') + 1, -CLAIMS_SUFFIX.length);
    const article = articles.find((candidate) => candidate.id === articleId);
    if (!article) {
      problems.push(`${shown(path)}: no article "${articleId}" to check its claims against`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${shown(path)}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const read = readArticleClaims(json, new Map(article.excerpts.map((excerpt) => [excerpt.id, excerpt.text])));
    if (read.problem !== null) problems.push(`${shown(path)}: ${read.problem}`);
    claims.push(...read.claims);
  }
  return { articles, claims, problems };
}
