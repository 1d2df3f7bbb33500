/** English strings of what a round shows of people and small groups: the per-person table of a named round, turnout as shown. */
export const en = {
  'perPerson.heading': 'Dots per person',
  'perPerson.caption': 'Dots each person placed, by item',
  'perPerson.hint':
    'This round was named, not anonymous: its result holds each person’s dots. This table is shown on the facilitator’s screen only, but anyone with a link to the board can read the result it comes from.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Participant who left',
  'results.onlyTotals': 'Too few voters to show any group apart without giving away a small group’s dots: these are the figures of everyone together.',
} as const;

export type PrivacyKey = keyof typeof en;
export type PrivacyMessages = { readonly [K in PrivacyKey]: string };
