import { describe, expect, it } from 'vitest';
import { provenance } from './provenance.js';

const participants = [
  { id: 'p-anna', group: 'company' },
  { id: 'p-erik', group: 'company' },
  { id: 'p-lena', group: 'union' },
  { id: 'p-joost', group: 'region' },
];

const cards = [
  { id: 'c1', author: 'p-anna', cluster: 'skills' }, // Svårt att rekrytera svetsare och CNC-operatörer
  { id: 'c2', author: 'p-erik', cluster: 'skills' }, // Få elever söker industriprogrammet
  { id: 'c3', author: 'p-lena', cluster: 'skills' }, // Lärlingsplatser saknas för vuxna
  { id: 'c4', author: 'facilitator', cluster: 'skills' }, // Validering av yrkeskunnande tar för lång tid
  { id: 'c5', author: 'p-joost', cluster: 'grid' }, // Netcongestie remt elektrificatie van de procesindustrie
  { id: 'c6', author: 'p-joost', cluster: null }, // Skills gap in offshore wind maintenance
];

describe('provenance', () => {
  it("counts a theme's cards by their author's group, the facilitator's under 'facilitator'", () => {
    expect(provenance(cards, participants, 'skills')).toEqual({ company: 2, union: 1, facilitator: 1 });
    expect(provenance(cards, participants, 'grid')).toEqual({ region: 1 });
  });

  it('is empty for a theme without cards and skips authors it does not know', () => {
    expect(provenance(cards, participants, 'empty-theme')).toEqual({});
    expect(provenance([{ id: 'c7', author: 'p-gone', cluster: 'skills' }], participants, 'skills')).toEqual({});
  });
});
