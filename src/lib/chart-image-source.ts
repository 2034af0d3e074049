import type { PriceSeries } from '../domain/price-api.ts';

/** Series that share one origin, as a source line names them. */
export interface ProvenanceGroup {
  symbols: string[];
  /** The origin's first sentence, e.g. "J-Quants (JPX) daily bars recorded by keroppa88/chart0". */
  origin: string;
  /** The repository the bars were copied from, if any. */
  repository: string | null;
  /** Its commit, shortened to 7 characters. */
  commit: string | null;
}

/**
 * The series grouped by where their bars come from, in the order the series are given.
 * @example provenanceGroups([{ symbol: '7013.T', provenance: { source: 'J-Quants bars. Chosen because…', repository: 'a/b', commit: 'b22d181e8c', adjustment: '', defects: [] } }])[0] // { symbols: ['7013.T'], origin: 'J-Quants bars', repository: 'a/b', commit: 'b22d181' }
 */
export function provenanceGroups(series: readonly Pick<PriceSeries, 'symbol' | 'provenance'>[]): ProvenanceGroup[] {
  const groups = new Map<string, ProvenanceGroup>();
  for (const item of series) {
    const origin = firstSentence(item.provenance.source);
    const repository = item.provenance.repository ?? null;
    const commit = item.provenance.commit?.slice(0, 7) ?? null;
    const key = [origin, repository, commit].join('\u0000');
    const group = groups.get(key);
    if (group) group.symbols.push(item.symbol);
    else groups.set(key, { symbols: [item.symbol], origin, repository, commit });
  }
  return [...groups.values()];
}

/**
 * One group as text, naming the repository only when the origin does not already.
 * @example describeProvenanceGroup({ symbols: ['7013.T'], origin: 'J-Quants bars recorded by a/b', repository: 'a/b', commit: 'b22d181' }) // '7013.T: J-Quants bars recorded by a/b (commit b22d181)'
 */
export function describeProvenanceGroup(group: ProvenanceGroup): string {
  return `${group.symbols.join(', ')}: ${group.origin}${revisionText(group)}`;
}

function revisionText({ origin, repository, commit }: ProvenanceGroup): string {
  if (!repository) return '';
  if (origin.includes(repository)) return commit ? ` (commit ${commit})` : '';
  return ` (${repository}${commit ? ` at commit ${commit}` : ''})`;
}

/**
 * The line printed under an exported chart: the app and method, then where the prices come from.
 * @example imageSourceLine({ app: 'Kabuto 0.1.0', method: 'MacKinlay (1997) market model', priceSource: 'Offline snapshot', groups: [] }) // 'Kabuto 0.1.0, MacKinlay (1997) market model. Prices: Offline snapshot.'
 */
export function imageSourceLine(input: { app: string; method: string; priceSource: string; groups: readonly ProvenanceGroup[] }): string {
  const origins = input.groups.map(describeProvenanceGroup).join('; ');
  return `${input.app}, ${input.method}. Prices: ${input.priceSource}${origins ? ` (${origins})` : ''}.`;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return (end < 0 ? text : text.slice(0, end)).trim();
}
