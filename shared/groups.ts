import type { Language } from './phases.js';

export interface StakeholderGroup {
  id: string;
  name: string;
}

export const DEFAULT_GROUP_IDS = ['company', 'employers', 'union', 'region', 'knowledge', 'other'] as const;

const DEFAULT_GROUP_NAMES: Record<Language, string[]> = {
  en: ['Company', "Employers' organisation", 'Trade union', 'Regional government', 'Knowledge institution', 'Other'],
  nl: ['Bedrijf', 'Werkgeversorganisatie', 'Vakbond', 'Regionale overheid', 'Kennisinstelling', 'Overig'],
  sv: ['Företag', 'Arbetsgivarorganisation', 'Fackförbund', 'Region', 'Lärosäte', 'Övrigt'],
};

export function defaultGroupNames(language: Language): string[] {
  return DEFAULT_GROUP_NAMES[language];
}

/**
 * Turns the names a facilitator typed into groups with stable ids. The default names of any language get
 * the default ids, so a Swedish "Fackförbund" and an English "Trade union" are the same group in exports.
 * `taken`: ids of groups the workshop already has, when groups are added after creation.
 */
export function groupsFromNames(names: readonly string[], taken: Iterable<string> = []): StakeholderGroup[] {
  const used = new Set<string>(taken);
  return names.map((raw, index) => {
    const name = raw.trim();
    let id = defaultIdFor(name) ?? slug(name) ?? `group-${index + 1}`;
    while (used.has(id)) id = `${id}-${index + 1}`;
    used.add(id);
    return { id, name };
  });
}

function defaultIdFor(name: string): string | undefined {
  const lower = name.toLocaleLowerCase();
  for (const names of Object.values(DEFAULT_GROUP_NAMES)) {
    const at = names.findIndex((n) => n.toLocaleLowerCase() === lower);
    if (at >= 0) return DEFAULT_GROUP_IDS[at];
  }
  return undefined;
}

function slug(name: string): string | undefined {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return s.length > 0 ? s : undefined;
}

/** Finds a group by id or by name (case-insensitive), as `join` accepts either. */
export function findGroup(groups: readonly StakeholderGroup[], idOrName: string): StakeholderGroup | undefined {
  const needle = idOrName.trim().toLocaleLowerCase();
  return groups.find((g) => g.id === idOrName || g.name.toLocaleLowerCase() === needle);
}
