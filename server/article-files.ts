/**
 * The articles of data/articles and their market claims, read from disk once through the same
 * reader as the page's bundled copy (src/application/article-catalog.ts). A file that cannot be
 * read or parsed is left out and named in `problems`, as the page does.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readArticleCatalog, type ArticleCatalog } from '../src/application/article-catalog.ts';

/**
 * A loader of the article catalogue in `folder`, reading the files on its first call only.
 * @throws never: an unreadable folder gives an empty catalogue with the reason.
 * @example const catalog = await articleCatalogLoader('data/articles')();
 */
export function articleCatalogLoader(folder: string): () => Promise<ArticleCatalog> {
  let loaded: Promise<ArticleCatalog> | undefined;
  return () => (loaded ??= readFolder(folder));
}

async function readFolder(folder: string): Promise<ArticleCatalog> {
  try {
    const names = (await readdir(folder)).filter((name) => name.endsWith('.md') || name.endsWith('.claims.json'));
    const files = await Promise.all(names.map(async (name) => [`data/articles/${name}`, await readFile(path.join(folder, name), 'utf8')] as const));
    return readArticleCatalog(Object.fromEntries(files));
  } catch (error) {
    return { articles: [], claims: [], problems: [`data/articles cannot be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
