/**
 * The article format of data/articles/<id>.md: an article split into verbatim excerpts, each tagged
 * with the events, securities and themes it speaks of. Pure (no Node, no DOM), used by the server,
 * the app and the tests alike.
 *
 * ```text
 * ---
 * id: japan-us-alliance-defence-stocks
 * title: Japan-US alliance and defence stocks
 * outlet: not stated
 * date: not stated
 * source: shared/articles/japan-us-alliance-defence-stocks.txt
 * note: optional free text
 * ---
 *
 * ::: excerpt id="markets-defence-stocks" section="Financial Implications" events="us-election-2024" securities="7011.T,7013.T" themes="defence-stocks"
 * The verbatim text, one or more lines.
 * :::
 * ```
 *
 * Front matter: one `key: value` per line; id, title, outlet, date and source are required, note
 * is optional, no other key is allowed. An excerpt opens with `::: excerpt` and attributes
 * `name="value"` (id required; section optional; events, securities and themes are comma-separated
 * lists, possibly empty) and closes with a line `:::`. Between excerpts only blank lines may stand.
 */

export interface Excerpt {
  id: string;
  /** The article's words exactly as published; lines joined with '\n'. */
  text: string;
  /** Ids of data/events.json events the excerpt speaks of. */
  events: string[];
  /** Snapshot symbols whose share price the excerpt speaks of. */
  securities: string[];
  themes: string[];
  /** The article's heading above the excerpt, verbatim, when it has one. */
  section?: string;
}

export interface Article {
  id: string;
  title: string;
  outlet: string;
  date: string;
  /** Where the verbatim text comes from. */
  source: string;
  note?: string;
  excerpts: Excerpt[];
}

/** A malformed article file; the message gives the line and what is wrong. */
export class ArticleFormatError extends Error {
  constructor(line: number, message: string) {
    super(`article line ${line}: ${message}`);
    this.name = 'ArticleFormatError';
  }
}

const REQUIRED_KEYS = ['id', 'title', 'outlet', 'date', 'source'] as const;
const FRONT_MATTER_KEYS = [...REQUIRED_KEYS, 'note'] as const;
const LIST_ATTRIBUTES = ['events', 'securities', 'themes'] as const;
const EXCERPT_ATTRIBUTES = ['id', 'section', ...LIST_ATTRIBUTES] as const;
const EXCERPT_OPEN = '::: excerpt';
const EXCERPT_CLOSE = ':::';
const IDENTIFIER = /^[a-z0-9][a-z0-9-]*$/;
const ATTRIBUTE_PAIR = /\s+([a-z]+)="([^"]*)"/;

type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

/**
 * Parses an article file (format above) into its front matter and excerpts.
 * @throws ArticleFormatError for a missing or unknown front-matter key, an unclosed or malformed
 *   excerpt, a duplicate or malformed excerpt id, an empty excerpt, or stray text between excerpts.
 * @example parseArticle('---\nid: a\ntitle: T\noutlet: not stated\ndate: not stated\nsource: s.txt\n---\n\n::: excerpt id="one" events="" securities="" themes=""\nText.\n:::\n').excerpts[0].text // 'Text.'
 */
export function parseArticle(markdown: string): Article {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const { fields, next } = parseFrontMatter(lines);
  const excerpts = parseExcerpts(lines, next);
  return {
    id: fields.id,
    title: fields.title,
    outlet: fields.outlet,
    date: fields.date,
    source: fields.source,
    ...(fields.note !== undefined ? { note: fields.note } : {}),
    excerpts,
  };
}

function parseFrontMatter(lines: readonly string[]) {
  if (lines[0] !== '---') throw new ArticleFormatError(1, 'the file must start with a "---" front-matter line');
  const close = lines.indexOf('---', 1);
  if (close < 0) throw new ArticleFormatError(lines.length, 'the front matter is never closed by a "---" line');
  const found = new Map<FrontMatterKey, string>();
  for (let index = 1; index < close; index += 1) {
    const line = lines[index] ?? '';
    const match = /^([a-z]+):\s+(.*\S)\s*$/.exec(line);
    const key = match?.[1] as FrontMatterKey | undefined;
    if (!match || key === undefined || !FRONT_MATTER_KEYS.includes(key)) {
      throw new ArticleFormatError(index + 1, `expected "key: value" with a key among ${FRONT_MATTER_KEYS.join(', ')}, found "${line}"`);
    }
    if (found.has(key)) throw new ArticleFormatError(index + 1, `the front-matter key "${key}" appears twice`);
    found.set(key, match[2] ?? '');
  }
  for (const key of REQUIRED_KEYS) {
    if (!found.has(key)) throw new ArticleFormatError(close + 1, `the front matter lacks "${key}"`);
  }
  if (!IDENTIFIER.test(found.get('id') ?? '')) throw new ArticleFormatError(2, 'the article id must be lower-case letters, digits and dashes');
  const fields = Object.fromEntries(found) as Record<(typeof REQUIRED_KEYS)[number], string> & { note?: string };
  return { fields, next: close + 1 };
}

function parseExcerpts(lines: readonly string[], start: number): Excerpt[] {
  const excerpts: Excerpt[] = [];
  const seen = new Set<string>();
  let index = start;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    if (!line.startsWith(`${EXCERPT_OPEN} `)) {
      throw new ArticleFormatError(index + 1, `expected an excerpt opening with "${EXCERPT_OPEN}" or a blank line, found "${line}"`);
    }
    const header = parseExcerptHeader(line, index + 1);
    if (seen.has(header.id)) throw new ArticleFormatError(index + 1, `the excerpt id "${header.id}" is used twice`);
    seen.add(header.id);
    const close = lines.indexOf(EXCERPT_CLOSE, index + 1);
    const nested = lines.findIndex((candidate, at) => at > index && (close < 0 || at < close) && candidate.startsWith(EXCERPT_OPEN));
    if (close < 0 || nested >= 0) {
      throw new ArticleFormatError(index + 1, `the excerpt "${header.id}" is not closed by a "${EXCERPT_CLOSE}" line before the next excerpt`);
    }
    const text = lines.slice(index + 1, close).join('\n');
    if (text.trim() === '') throw new ArticleFormatError(index + 1, `the excerpt "${header.id}" has no text`);
    excerpts.push({ ...header, text });
    index = close + 1;
  }
  return excerpts;
}

function parseExcerptHeader(line: string, lineNumber: number): Omit<Excerpt, 'text'> {
  const attributes = new Map<string, string>();
  const pattern = new RegExp(ATTRIBUTE_PAIR, 'y');
  pattern.lastIndex = EXCERPT_OPEN.length;
  let position = pattern.lastIndex;
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    const [, name = '', value = ''] = match;
    if (!(EXCERPT_ATTRIBUTES as readonly string[]).includes(name)) {
      throw new ArticleFormatError(lineNumber, `unknown excerpt attribute "${name}" (allowed: ${EXCERPT_ATTRIBUTES.join(', ')})`);
    }
    if (attributes.has(name)) throw new ArticleFormatError(lineNumber, `the attribute "${name}" appears twice`);
    attributes.set(name, value);
    position = pattern.lastIndex;
  }
  if (line.slice(position).trim() !== '') {
    throw new ArticleFormatError(lineNumber, `cannot read "${line.slice(position).trim()}" in the excerpt line: write name="value" pairs`);
  }
  const id = attributes.get('id') ?? '';
  if (!IDENTIFIER.test(id)) throw new ArticleFormatError(lineNumber, `the excerpt id "${id}" must be lower-case letters, digits and dashes`);
  const list = (name: (typeof LIST_ATTRIBUTES)[number]) => {
    const value = attributes.get(name);
    if (value === undefined) throw new ArticleFormatError(lineNumber, `the excerpt "${id}" lacks ${name}="…" (write ${name}="" for none)`);
    const items = value === '' ? [] : value.split(',');
    if (items.some((item) => item.trim() === '' || item.trim() !== item)) {
      throw new ArticleFormatError(lineNumber, `${name}="${value}" of excerpt "${id}" must be comma-separated names without spaces`);
    }
    return items;
  };
  const section = attributes.get('section');
  return {
    id,
    ...(section !== undefined ? { section } : {}),
    events: list('events'),
    securities: list('securities'),
    themes: list('themes'),
  };
}

/**
 * Writes an article in the format parseArticle reads; formatArticle(parseArticle(text)) returns
 * the text unchanged when it is already in this canonical layout.
 * @throws ArticleFormatError when a value cannot be written (a `"` in an attribute, a line break in
 *   front matter) or an excerpt text contains a line that would close it early.
 * @example formatArticle({ id: 'a', title: 'T', outlet: 'not stated', date: 'not stated', source: 's.txt', excerpts: [] })
 */
export function formatArticle(article: Article): string {
  const frontMatter = FRONT_MATTER_KEYS.flatMap((key) => {
    const value = article[key];
    if (value === undefined) return [];
    if (/[\r\n]/.test(value) || value.trim() !== value || value === '') {
      throw new ArticleFormatError(0, `the front-matter value of "${key}" must be one non-empty line without outer spaces`);
    }
    return [`${key}: ${value}`];
  });
  const blocks = article.excerpts.map((excerpt) => {
    const attributes = [
      ['id', excerpt.id],
      ...(excerpt.section !== undefined ? [['section', excerpt.section]] : []),
      ...LIST_ATTRIBUTES.map((name) => [name, excerpt[name].join(',')]),
    ].map(([name, value]) => {
      if ((value ?? '').includes('"')) throw new ArticleFormatError(0, `the ${name} of excerpt "${excerpt.id}" contains a double quote`);
      return `${name}="${value}"`;
    });
    if (excerpt.text.split('\n').some((line) => line === EXCERPT_CLOSE || line.startsWith(EXCERPT_OPEN))) {
      throw new ArticleFormatError(0, `the text of excerpt "${excerpt.id}" contains a line that reads as excerpt syntax`);
    }
    return `${EXCERPT_OPEN} ${attributes.join(' ')}\n${excerpt.text}\n${EXCERPT_CLOSE}\n`;
  });
  return ['---', ...frontMatter, '---', '', blocks.join('\n')].join('\n');
}
