import { LANGUAGES, type Language } from './phases.js';
import { CATALOGUES } from './i18n/index.js';

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

/**
 * Latin letters that Cyrillic and Greek letters look exactly like: "Trаde union" with a Cyrillic а must not pass
 * for a second group beside "Trade union". Only letters that are indistinguishable in common fonts are listed.
 */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z',
};

/**
 * What a group name looks like to a reader: compatibility-normalised, without invisible characters, with
 * look-alike letters read as Latin, spaces collapsed and case ignored. Two names with the same key are one
 * group to everyone in the room, so the product accepts only one of them.
 */
export function groupNameKey(name: string): string {
  return [...name.normalize('NFKC').replace(/[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu, '').toLocaleLowerCase()]
    .map((char) => LOOK_ALIKES[char] ?? char)
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The name results give the groups combined below the threshold, in every language: no group may take it. */
const RESERVED_KEYS = new Set(LANGUAGES.map((language) => groupNameKey(CATALOGUES[language]['results.otherGroups'] as string)));

/** Why a list of group names cannot stand, or null: a name only invisible characters, two alike, or the bucket's name. */
export function groupNamesProblem(names: readonly string[]): string | null {
  const keys = names.map(groupNameKey);
  if (keys.some((key) => key === '')) return 'a group name needs visible letters';
  if (new Set(keys).size !== keys.length) return 'each group once: two names look the same';
  if (keys.some((key) => RESERVED_KEYS.has(key))) return 'that name is reserved for the groups results combine';
  return null;
}
