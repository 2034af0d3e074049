import type { Article } from '../../../domain/article-format.ts';

const NOT_STATED = 'not stated';

/**
 * The line under an article's title, as a reader cites a piece: its outlet and date, or that the
 * text does not state them. File paths and curators' notes stay in the data (and the manifest),
 * not on the page.
 * @example articleMeta({ outlet: 'not stated', date: 'not stated' }) // 'Outlet and date not stated.'
 * @example articleMeta({ outlet: 'Nikkei Asia', date: 'not stated' }) // 'Nikkei Asia; date not stated.'
 */
export function articleMeta(article: Pick<Article, 'outlet' | 'date'>): string {
  const outlet = stated(article.outlet);
  const date = stated(article.date);
  if (outlet === null && date === null) return 'Outlet and date not stated.';
  if (outlet === null) return `Outlet not stated; ${date}.`;
  if (date === null) return `${outlet}; date not stated.`;
  return `${outlet}, ${date}.`;
}

function stated(value: string): string | null {
  const text = value.trim();
  return text === '' || text.toLowerCase() === NOT_STATED ? null : text;
}
