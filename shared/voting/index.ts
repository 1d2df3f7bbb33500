export type { CastBallot, PersonDots, RoundItem, RoundSettings, RoundState, Tally, TallyItem } from './types.js';
export { validateBallot, type BallotCheck } from './ballot.js';
export { dotsPerPerson, tallyRound, type TallyInput } from './tally.js';
export { OTHER_GROUPS, MIN_SHOWN_GROUP_SIZE, turnoutAsShown, authorGroupAsShown, bucketName } from './anonymity.js';
export { runoffChangedOrder, topItems } from './ranking.js';
export { provenance, countByAuthorGroup, authorGroups, type AuthoredCard, type GroupMember } from './provenance.js';
export { groupsAsTallied, revealedRounds, type RevealedRound } from './revealed.js';
export { roundStateSchema, tallySchema } from './schemas.js';
