import type * as Y from 'yjs';
import type { AgreementStanding } from '../../shared/agreement';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api';
import { readAgreementDraft, readAgreementStanding, readAgreementVersions, readRevealedRounds, readRounds } from '../../shared/controlDoc';
import type { RevealedRound } from '../../shared/voting/revealed';
import type { RoundState } from '../../shared/voting/types';
import { useDocSelector } from './sync/useDocSelector';

export type { AgreementVersion } from '../../shared/api';
export type { RevealedRound } from '../../shared/voting/revealed';

/** Every vote round of the board, oldest first. */
export function useRounds(controlDoc: Y.Doc): RoundState[] {
  return useDocSelector(controlDoc, readRounds);
}

/** The revealed rounds with their tallies, oldest first; a ballot cast in an open round leaves them as they were. */
export function useRevealedRounds(controlDoc: Y.Doc): RevealedRound[] {
  return useDocSelector(controlDoc, readRevealedRounds);
}

export interface AgreementState {
  draft: AgreementDraftBody | null;
  versions: AgreementVersion[];
  standing: AgreementStanding;
}

const readAgreement = (controlDoc: Y.Doc): AgreementState => ({
  draft: readAgreementDraft(controlDoc) ?? null,
  versions: readAgreementVersions(controlDoc),
  standing: readAgreementStanding(controlDoc),
});

export function useAgreement(controlDoc: Y.Doc): AgreementState {
  return useDocSelector(controlDoc, readAgreement);
}
