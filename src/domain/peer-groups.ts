/**
 * Peer groups and presets: which securities an analyst compares as one group (Japan's primes, the US
 * primes, the European and the Korean peers), and the presets that put groups side by side. Both
 * live in data/presets.json, read through the schema here by the page and by any tool, so a group or
 * a preset is added by editing data, never code.
 */
import { z } from 'zod';
import { exchangeForSymbol, type Exchange } from './exchanges.ts';
import { symbolSyntaxProblem } from './symbol.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const symbolSchema = z.string().refine((symbol) => symbolSyntaxProblem(symbol) === null && symbol === symbol.toUpperCase(), {
  error: (issue) => `"${String(issue.input)}" is not an upper-case Yahoo symbol`,
});

const peerGroupSchema = z.object({
  id: z.string().regex(ID, { error: 'must be a kebab-case id' }),
  label: z.string().min(1),
  description: z.string().min(1),
  members: z.array(symbolSchema).min(1),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;

const presetSchema = z.object({
  id: z.string().regex(ID, { error: 'must be a kebab-case id' }),
  label: z.string().min(1),
  description: z.string().min(1),
  /** Group ids, in the order the comparison shows them. */
  groups: z.array(z.string()).min(1),
});
export type Preset = z.infer<typeof presetSchema>;

/** The schema of data/presets.json: ids unique, each symbol in one group, each preset's groups known. */
export const presetsFileSchema = z
  .object({
    note: z.string(),
    groups: z.array(peerGroupSchema).min(1),
    presets: z.array(presetSchema),
  })
  .superRefine((file, context) => {
    const groupIds = file.groups.map((group) => group.id);
    repeated(groupIds).forEach((id) => context.addIssue({ code: 'custom', path: ['groups'], message: `the group id "${id}" is used twice` }));
    repeated(file.presets.map((preset) => preset.id)).forEach((id) => context.addIssue({ code: 'custom', path: ['presets'], message: `the preset id "${id}" is used twice` }));
    const members = file.groups.flatMap((group) => group.members);
    repeated(members).forEach((symbol) => context.addIssue({ code: 'custom', path: ['groups'], message: `${symbol} is in two groups; a security belongs to one group` }));
    file.groups.forEach((group, index) =>
      group.members.forEach((symbol) => {
        try {
          exchangeForSymbol(symbol);
        } catch (error) {
          context.addIssue({ code: 'custom', path: ['groups', index, 'members'], message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
    file.presets.forEach((preset, index) =>
      preset.groups
        .filter((id) => !groupIds.includes(id))
        .forEach((id) => context.addIssue({ code: 'custom', path: ['presets', index, 'groups'], message: `no group has the id "${id}"` })),
    );
  });
export type PresetsFile = z.infer<typeof presetsFileSchema>;

export interface PresetCatalog {
  groups: PeerGroup[];
  presets: Preset[];
  /** Why data/presets.json could not be read, or null. */
  problem: string | null;
}

/**
 * Reads the contents of data/presets.json.
 * @throws never: a malformed file gives no groups or presets and a problem to show.
 * @example readPresetCatalog({ note: '', groups: [{ id: 'japan', label: 'Japan', description: 'Tokyo', members: ['7011.T'] }], presets: [] }).groups[0].id // 'japan'
 */
export function readPresetCatalog(json: unknown): PresetCatalog {
  const parsed = presetsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { groups: [], presets: [], problem: `data/presets.json is malformed at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { groups: parsed.data.groups, presets: parsed.data.presets, problem: null };
}

/** A group of the securities in a study: a group of the catalogue, or the exchange of securities in none. */
export interface StudyGroup {
  id: string;
  label: string;
  description: string;
  /** The study's securities in this group, in study order. */
  members: string[];
}

/**
 * The study's securities by group, in catalogue order: each security in the catalogue group that
 * lists it, each other security in a group of its exchange ("Other London", id `exchange-xlon`),
 * so no security is left out of the comparison and none is pooled with a group it is not in.
 * Securities whose exchange the registry does not know are left out (they fail in the study).
 * @throws never
 * @example studyGroups(['7011.T', 'LMT', 'BA'], catalog.groups).map((group) => group.id) // ['japan', 'us-primes', 'exchange-xnys']
 */
export function studyGroups(securities: readonly string[], groups: readonly PeerGroup[]): StudyGroup[] {
  const fromCatalog = groups
    .map((group) => ({ id: group.id, label: group.label, description: group.description, members: securities.filter((symbol) => group.members.includes(symbol)) }))
    .filter((group) => group.members.length > 0);
  const grouped = new Set(fromCatalog.flatMap((group) => group.members));
  const byExchange = new Map<string, StudyGroup>();
  for (const symbol of securities) {
    if (grouped.has(symbol)) continue;
    const exchange = exchangeOrNull(symbol);
    if (exchange === null) continue;
    const group = byExchange.get(exchange.code) ?? {
      id: `exchange-${exchange.code.toLowerCase()}`,
      label: `Other ${exchange.shortName}`,
      description: `Securities of ${exchange.name} that no group of data/presets.json lists.`,
      members: [],
    };
    group.members.push(symbol);
    byExchange.set(exchange.code, group);
  }
  return [...fromCatalog, ...byExchange.values()];
}

/**
 * The securities of a preset: its groups' members, group by group.
 * @throws never: an unknown group id (which the schema refuses) adds nothing.
 * @example presetSecurities(preset, catalog.groups) // ['7011.T', '7013.T', …, '079550.KS']
 */
export function presetSecurities(preset: Preset, groups: readonly PeerGroup[]): string[] {
  return preset.groups.flatMap((id) => groups.find((group) => group.id === id)?.members ?? []);
}

function exchangeOrNull(symbol: string): Exchange | null {
  try {
    return exchangeForSymbol(symbol);
  } catch {
    return null;
  }
}

function repeated(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
