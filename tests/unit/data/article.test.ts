import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArticleFormatError, formatArticle, parseArticle, type Article } from '../../../src/domain/article-format.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const markdown = readFileSync(resolve(repoRoot, 'data/articles/japan-us-alliance-defence-stocks.md'), 'utf8');
const original = readFileSync(resolve(repoRoot, 'data/articles/japan-us-alliance-defence-stocks.txt'), 'utf8');
const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'data/snapshot/manifest.json'), 'utf8')) as { series: { symbol: string }[] };
const article = parseArticle(markdown);

const HEADER = '---\nid: a\ntitle: T\noutlet: not stated\ndate: not stated\nsource: s.txt\n---\n';
const excerpt = (attributes: string, text = 'Some text.') => `::: excerpt ${attributes}\n${text}\n:::\n`;
const EMPTY_TAGS = 'events="" securities="" themes=""';

describe('data/articles/japan-us-alliance-defence-stocks.md', () => {
  it('states what the supplied text does not: outlet and date', () => {
    expect(article).toMatchObject({
      id: 'japan-us-alliance-defence-stocks',
      outlet: 'not stated',
      date: 'not stated',
      source: 'shared/articles/japan-us-alliance-defence-stocks.txt',
    });
    expect(article.note).toMatch(/no headline/);
  });

  it('round-trips through parseArticle and formatArticle unchanged', () => {
    expect(formatArticle(article)).toBe(markdown);
    expect(parseArticle(formatArticle(article))).toEqual(article);
  });

  it('quotes every excerpt verbatim from the supplied article', () => {
    for (const { id, text } of article.excerpts) expect(original.includes(text), id).toBe(true);
  });

  it('loses nothing: headings and excerpts in order rebuild the supplied text exactly', () => {
    const lines: string[] = [];
    let section: string | undefined;
    for (const item of article.excerpts) {
      if (item.section !== section && item.section !== undefined) lines.push(item.section);
      section = item.section;
      lines.push(item.text);
    }
    expect(lines.join('\n')).toBe(original);
  });

  it('tags securities only with snapshot symbols, and names IHI and MHI where the article does', () => {
    const symbols = new Set(manifest.series.map((series) => series.symbol));
    for (const item of article.excerpts) for (const symbol of item.securities) expect(symbols.has(symbol), `${item.id}: ${symbol}`).toBe(true);
    for (const item of article.excerpts.filter(({ text }) => text.includes('IHI') || text.includes('Mitsubishi Heavy'))) {
      expect(item.securities).toEqual(expect.arrayContaining(['7011.T', '7013.T']));
    }
    expect(article.excerpts.every((item) => item.themes.length > 0)).toBe(true);
  });
});

describe('parseArticle', () => {
  it('reads front matter, attributes, empty lists and multi-line text', () => {
    const parsed = parseArticle(`${HEADER}\n${excerpt('id="one" section="Heading" events="e1,e2" securities="7011.T" themes=""', 'Line one.\nLine two.')}`);
    expect(parsed).toEqual<Article>({
      id: 'a',
      title: 'T',
      outlet: 'not stated',
      date: 'not stated',
      source: 's.txt',
      excerpts: [{ id: 'one', section: 'Heading', events: ['e1', 'e2'], securities: ['7011.T'], themes: [], text: 'Line one.\nLine two.' }],
    });
  });

  it.each([
    ['no front matter', `${excerpt(`id="x" ${EMPTY_TAGS}`)}`, /line 1: the file must start with a "---"/],
    ['a missing front-matter key', HEADER.replace('outlet: not stated\n', ''), /lacks "outlet"/],
    ['an unknown front-matter key', HEADER.replace('title: T', 'author: X'), /key among id, title/],
    ['an unclosed front matter', '---\nid: a\n', /never closed/],
    ['an unclosed excerpt', `${HEADER}\n::: excerpt id="x" ${EMPTY_TAGS}\nText.\n`, /"x" is not closed/],
    ['a nested excerpt', `${HEADER}\n::: excerpt id="x" ${EMPTY_TAGS}\nText.\n${excerpt(`id="y" ${EMPTY_TAGS}`)}`, /"x" is not closed/],
    ['a duplicate excerpt id', `${HEADER}\n${excerpt(`id="x" ${EMPTY_TAGS}`)}\n${excerpt(`id="x" ${EMPTY_TAGS}`)}`, /"x" is used twice/],
    ['a missing tag list', `${HEADER}\n${excerpt('id="x" events="" securities=""')}`, /lacks themes=/],
    ['an unknown attribute', `${HEADER}\n${excerpt(`id="x" colour="red" ${EMPTY_TAGS}`)}`, /unknown excerpt attribute "colour"/],
    ['an unquoted attribute', `${HEADER}\n${excerpt(`id=x ${EMPTY_TAGS}`)}`, /cannot read "id=x/],
    ['an empty excerpt', `${HEADER}\n${excerpt(`id="x" ${EMPTY_TAGS}`, '')}`, /"x" has no text/],
    ['stray text between excerpts', `${HEADER}\nA loose paragraph.\n`, /line 9: expected an excerpt/],
    ['spaces inside a tag list', `${HEADER}\n${excerpt('id="x" events="a, b" securities="" themes=""')}`, /comma-separated names without spaces/],
  ])('rejects %s with an ArticleFormatError that says where', (_what, text, message) => {
    expect(() => parseArticle(text)).toThrow(ArticleFormatError);
    expect(() => parseArticle(text)).toThrow(message);
  });
});

describe('formatArticle', () => {
  const base: Article = { id: 'a', title: 'T', outlet: 'not stated', date: 'not stated', source: 's.txt', excerpts: [] };

  it('refuses values it could not write back faithfully', () => {
    const quoted = { ...base, excerpts: [{ id: 'x', section: 'A "quoted" heading', events: [], securities: [], themes: [], text: 'T.' }] };
    expect(() => formatArticle(quoted)).toThrow(/contains a double quote/);
    const closing = { ...base, excerpts: [{ id: 'x', events: [], securities: [], themes: [], text: 'T.\n:::' }] };
    expect(() => formatArticle(closing)).toThrow(/reads as excerpt syntax/);
    expect(() => formatArticle({ ...base, title: 'two\nlines' })).toThrow(/one non-empty line/);
  });
});
