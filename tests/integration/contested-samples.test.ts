import { describe, expect, it } from 'vitest';
import samples from '../../server/demo/workshops.json';
import type { CreateBoardResponse } from '../../shared/api.js';
import { readRounds, readTally } from '../../shared/controlDoc.js';
import { groupsFromNames } from '../../shared/groups.js';
import { tallyRound } from '../../shared/voting/tally.js';
import type { CastBallot, RoundSettings, Tally } from '../../shared/voting/types.js';
import { api, liveServer, synced } from './support.js';

const server = liveServer();

/**
 * The contested rule on the sample workshops (server/demo/workshops.json). The Swedish sample's people vote as a
 * kick-off plausibly would: the companies back skills, the unions working conditions (Attraktivitet), the region
 * its infrastructure, and each of those two-or-more-person groups leaves the others' favourite without a dot.
 */
const swedish = samples.workshops.find((workshop) => workshop.language === 'sv')!;
const groups = groupsFromNames(swedish.groups);
const themes = swedish.themes.map((title, i) => ({ id: `t${i}`, kind: 'theme' as const, title }));
const theme = (title: string) => themes.find((t) => t.title === title)!.id;

const votes: Record<string, Record<string, number>> = {
  'Åsa Lindqvist': { Kompetensförsörjning: 3, 'Energi och elpriser': 2 },
  'Jonas Öberg': { Kompetensförsörjning: 2, 'Energi och elpriser': 2, 'Digitalisering och automation': 1 },
  'Karin Ek': { Kompetensförsörjning: 3, 'Digitalisering och automation': 2 },
  'Mikael Strand': { Kompetensförsörjning: 3, 'Digitalisering och automation': 1, Attraktivitet: 1 },
  'Leila Haddad': { Attraktivitet: 3, 'Energi och elpriser': 2 },
  'Per Nyström': { Attraktivitet: 2, 'Energi och elpriser': 2, Infrastruktur: 1 },
  'Eva Sjöberg': { Infrastruktur: 3, 'Energi och elpriser': 2 },
  'Ahmed Yusuf': { Infrastruktur: 2, Kompetensförsörjning: 2, 'Energi och elpriser': 1 },
  'Sofia Björk': { 'Forskning och innovation': 3, Kompetensförsörjning: 2 },
};

const ballots: CastBallot[] = swedish.participants.map((person) => ({
  participantId: person.name,
  group: groups.find((group) => group.name === person.group)!.id,
  allocations: Object.fromEntries(Object.entries(votes[person.name]!).map(([title, dots]) => [theme(title), dots])),
}));

const tally = (anonymous: boolean) =>
  tallyRound({ roundId: 'r1', items: themes, settings: { budget: 5, cap: 3, anonymous } satisfies RoundSettings, ballots, groups });
const contested = (result: Tally) => result.items.filter((item) => item.contested).map((item) => item.title);

describe('the contested flag on the sample workshops', () => {
  it('flags, in a named round, exactly the themes one group of two or more backs and another leaves without a dot', () => {
    const named = tally(false);
    // Kompetensförsörjning: companies 8 of 15 dots, unions none. Attraktivitet: unions 5 of 10 (and the
    // employers' one dot, its third voter), companies none. Infrastruktur: region 5 of 10, companies none.
    expect(contested(named).sort()).toEqual(['Attraktivitet', 'Infrastruktur', 'Kompetensförsörjning']);
    const byTitle = Object.fromEntries(named.items.map((item) => [item.title, item]));
    expect(byTitle.Kompetensförsörjning!.byGroup).toMatchObject({ company: 8, union: 0 });
    expect(byTitle.Attraktivitet!.byGroup).toMatchObject({ company: 0, union: 5 });
    // Every group of two or more gave energy dots: wanted a little more by some, it splits nobody.
    expect(byTitle['Energi och elpriser']!).toMatchObject({ byGroup: { company: 4, union: 4, region: 3 }, contested: false });
    // Research is the one academic's favourite: one person is not a group, and 1 voter is below the minimum.
    expect(byTitle['Forskning och innovation']!).toMatchObject({ total: 3, contested: false });
    expect(byTitle['Digitalisering och automation']!.contested).toBe(false);
  });

  it('flags nothing the anonymous round cannot show: the groups that split are inside the combined bucket', () => {
    const anonymous = tally(true);
    expect(anonymous.groups).toEqual(['company', '__other']);
    expect(contested(anonymous)).toEqual([]);
  });

  it.each(['sv', 'nl', 'en'])('flags nothing in the %s demo workshop, whose simulated voters spread their dots over every group’s favourites', async (language) => {
    const res = await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language });
    expect(res.status).toBe(201);
    const control = server.connect(`${res.body.boardId}/control`, res.body.facilitatorToken);
    await synced(control);
    const rounds = readRounds(control.doc);
    expect(rounds).toHaveLength(2);
    for (const round of rounds) {
      const result = readTally(control.doc, round.id)!;
      expect(contested(result)).toEqual([]);
      // No group of two or more voters leaves an item without a dot while another backs it (1.5 × an even share).
      const even = 1 / result.items.length;
      const compared = result.groups.filter((group) => (result.voters.byGroup[group] ?? 0) >= 2);
      const cast = Object.fromEntries(compared.map((group) => [group, result.items.reduce((sum, item) => sum + item.byGroup[group]!, 0)]));
      for (const item of result.items) {
        const shares = compared.map((group) => item.byGroup[group]! / cast[group]!);
        expect(shares.some((share) => share === 0) && shares.some((share) => share >= 1.5 * even), `${language} ${item.title}`).toBe(false);
      }
    }
  });
});
