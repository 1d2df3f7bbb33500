import { describe, expect, it } from 'vitest';
import { defaultGroupNames, findGroup, groupNamesProblem, groupsFromNames } from './groups.js';

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

  it('reads names as a reader sees them: invisible characters, look-alike letters and the bucket name do not pass', () => {
    expect(groupNamesProblem(['Trade union', 'Trade\u200b union'])).toMatch(/look the same/);
    expect(groupNamesProblem(['Trade union', 'Tr\u0430de union'])).toMatch(/look the same/);
    expect(groupNamesProblem(['Trade union', 'Trade  Union'])).toMatch(/look the same/);
    expect(groupNamesProblem(['\u200b\u2060'])).toMatch(/visible letters/);
    expect(groupNamesProblem(['Bedrijf', 'Kleinere groepen samen'])).toMatch(/reserved/);
    expect(groupNamesProblem(['Företag', 'Fackförbund', 'Åkerier & logistik', 'Ελληνικά'])).toBeNull();
  });
});
