/** English strings of what a round shows of people and small groups: the per-person table of a named round, turnout as shown. */
export const en = {
  'perPerson.heading': 'Dots per person',
  'perPerson.caption': 'Dots each person placed, by item',
  'perPerson.hint': 'This round was named: this table is shown to facilitators only. Participants, observers and downloads see only the figures by group.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Participant who left',
  'results.onlyTotals': 'Too few voters to show any group apart without giving away a small group’s dots: these are the figures of everyone together.',
  'results.runoffVotersDiffer': 'This run-off’s voters are not those of round {number}: set side by side, the two rounds’ figures can give away how someone voted.',
  'settings.strictAnonymity':
    'Strict anonymity (once the first vote round has opened, someone who joins votes only after a facilitator lets them in, so nobody can add made-up people to a small group)',
  'waiting.heading': 'Waiting for the facilitator',
  'waiting.body':
    'Voting has started and this workshop is strictly anonymous: the facilitator lets in each person who joins now before they can vote. You can follow the board meanwhile; your ballot appears here once you are let in.',
  'waitingList.heading': 'Waiting to vote',
  'waitingList.count': '{count} waiting to vote',
  'waitingList.hint': 'They joined after the first vote round opened. Only people you let in can vote; in a round already open they do not count toward a group’s threshold.',
  'waitingList.admit': 'Let vote',
  'waitingList.admitLabel': 'Let {name} vote',
  'waitingList.turnAway': 'Turn away',
  'waitingList.turnAwayLabel': 'Turn {name} away',
  'waitingList.admitted': '{name} can vote now.',
  'waitingList.turnedAway': '{name} was turned away.',
  'waitingList.failed': 'That did not work. Try again.',
  'refusal.waiting-for-facilitator': 'The facilitator has not let you vote yet. Your ballot opens as soon as they do.',
  'refusal.not-waiting': 'This person is no longer waiting: someone already let them in or turned them away.',
} as const;

export type PrivacyKey = keyof typeof en;
export type PrivacyMessages = { readonly [K in PrivacyKey]: string };
