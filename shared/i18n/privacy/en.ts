/** English strings of what a round shows of people and small groups: the per-person table of a named round, turnout as shown. */
export const en = {
  'perPerson.heading': 'Dots per person',
  'perPerson.caption': 'Dots each person placed, by item',
  'perPerson.hint': 'This round was named: this table is shown to facilitators only. Participants, observers and downloads see only the figures by group.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Participant who left',
  'results.onlyTotals': 'Too few voters to show any group apart without giving away a small group’s dots: these are the figures of everyone together.',
} as const;

export type PrivacyKey = keyof typeof en;
export type PrivacyMessages = { readonly [K in PrivacyKey]: string };
