/** `progress`: a follow-up workshop's progress check of the register it follows up (shared/followUp.ts); no other workshop has it. */
export const PHASES = ['setup', 'progress', 'collect', 'cluster', 'vote', 'results', 'agree'] as const;
export type Phase = (typeof PHASES)[number];

/** The steps a workshop walks: the progress check only where the workshop follows up a register. */
export function phasesOf(followsUp: boolean): readonly Phase[] {
  return followsUp ? PHASES : PHASES.filter((phase) => phase !== 'progress');
}

/** `projector`: the room's screen, read-only like an observer, showing the join code; it never exports. */
export const ROLES = ['facilitator', 'participant', 'observer', 'projector'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'nl', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Settings the facilitator controls; they live in the read-only control document. */
export interface BoardSettings {
  /** Cards stay private to their author (and the facilitator) until revealed. */
  silentCollect: boolean;
  /** Participants may add cards outside the collect phase (the facilitator "reopens" collect). */
  collectReopened: boolean;
  /** Participants may move cards and edit themes during the cluster phase. */
  participantsCluster: boolean;
  /** Participants may download exports. */
  participantsExport: boolean;
  /** Cards show no author or group to anyone; the server still knows the author and enforces ownership. */
  anonymousCards: boolean;
  /** A questions round for the plenary is open: participants send questions and +1 others', the wall shows them. */
  questionsOpen: boolean;
  /** Once the first vote round has opened, a person who joins votes only after a facilitator lets them in. */
  strictAnonymity: boolean;
}

export const DEFAULT_SETTINGS: BoardSettings = {
  silentCollect: false,
  collectReopened: false,
  participantsCluster: true,
  participantsExport: false,
  anonymousCards: false,
  questionsOpen: false,
  strictAnonymity: false,
};

/** Whether a participant may add cards in this phase under these settings. */
export function participantsMayAddCards(phase: Phase, settings: BoardSettings): boolean {
  return phase === 'collect' || settings.collectReopened;
}

/** Whether a participant may move cards between themes and edit themes now. */
export function participantsMayCluster(phase: Phase, settings: BoardSettings): boolean {
  return phase === 'cluster' && settings.participantsCluster;
}

/** Whether new participant cards go to private lists (silent collect) rather than onto the shared board. */
export function silentCollectActive(phase: Phase, settings: BoardSettings): boolean {
  return phase === 'collect' && settings.silentCollect;
}

/** Whether +1s and comments are shown and taken: not while cards are written silently, so nothing reacts to a draft. */
export function reactionsShown(phase: Phase, settings: BoardSettings): boolean {
  return !silentCollectActive(phase, settings);
}
