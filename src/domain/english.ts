/**
 * The few rules of English the generated sentences need (the answer panel, the summary, the slides,
 * the statistics table), once, so every sentence about a company reads the same way.
 */

/**
 * The possessive of a name. A name ending in s, as company names that are plural nouns do
 * ("Mitsubishi Heavy Industries", "BAE Systems"), takes the apostrophe alone; any other name takes
 * 's ("IHI Corporation's", "7013.T's", "Inc.'s"). The Chicago Manual of Style would write "Thales's"
 * for a singular name ending in s; the plural form is kept for every name ending in s, because a
 * program cannot tell a singular from a plural, and "Industries's" is the mistake an investor notices.
 * @throws never
 * @example possessive('Mitsubishi Heavy Industries') // "Mitsubishi Heavy Industries'"
 * @example possessive('IHI Corporation') // "IHI Corporation's"
 */
export function possessive(name: string): string {
  const trimmed = name.trim();
  return /s$/i.test(trimmed) ? `${trimmed}'` : `${trimmed}'s`;
}

/**
 * Items joined as a sentence lists them: "A", "A and B", "A, B and C" (no serial comma, as the rest of
 * the page writes).
 * @throws never
 * @example listInWords(['MHI', 'IHI', 'KHI']) // 'MHI, IHI and KHI'
 */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A count with its noun, singular or plural: "1 security", "2 securities", "3 days".
 * @throws never
 * @example counted(2, 'security', 'securities') // '2 securities'
 */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
