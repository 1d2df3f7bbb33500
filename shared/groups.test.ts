import { describe, expect, it } from 'vitest';
import { defaultGroupNames, findGroup, groupsFromNames } from './groups.js';

describe('stakeholder groups', () => {
  it('gives the default groups the same ids in every language', () => {
    const ids = (language: 'en' | 'nl' | 'sv') => groupsFromNames(defaultGroupNames(language)).map((g) => g.id);
    expect(ids('sv')).toEqual(['company', 'employers', 'union', 'region', 'knowledge', 'other']);
    expect(ids('nl')).toEqual(ids('sv'));
    expect(ids('en')).toEqual(ids('sv'));
  });

  it('makes readable, unique ids for custom groups', () => {
    const groups = groupsFromNames(['Hamnbolag', 'Åkerier & logistik', 'Åkerier & Logistik', '  ']);
    expect(groups.map((g) => g.id)).toEqual(['hamnbolag', 'akerier-logistik', 'akerier-logistik-3', 'group-4']);
  });

  it('finds a group by id or by name, whatever the case', () => {
    const groups = groupsFromNames(defaultGroupNames('nl'));
    expect(findGroup(groups, 'union')?.name).toBe('Vakbond');
    expect(findGroup(groups, 'vakbond')?.id).toBe('union');
    expect(findGroup(groups, 'Fackförbund')).toBeUndefined();
  });
});
