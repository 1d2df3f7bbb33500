import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { AgreementDraftBody } from '../../shared/api';
import { agreementOf, resultsOf, roundsOf } from '../../shared/controlDoc';
import type { RoundState, Tally } from '../../shared/voting/types';
import { useDocVersion } from '../board/useBoardData';

/** Every vote round of the board, oldest first. */
export function useRounds(controlDoc: Y.Doc): RoundState[] {
  const version = useDocVersion(controlDoc);
  return useMemo(
    () => (Array.from(roundsOf(controlDoc).values()) as RoundState[]).sort((a, b) => a.number - b.number),
    [controlDoc, version],
  );
}

export interface RevealedRound {
  round: RoundState;
  tally: Tally;
}

/** The revealed rounds with their tallies, oldest first. */
export function useRevealedRounds(controlDoc: Y.Doc): RevealedRound[] {
  const rounds = useRounds(controlDoc);
  const version = useDocVersion(controlDoc);
  return useMemo(() => {
    const results = resultsOf(controlDoc);
    return rounds.flatMap((round) => {
      const tally = results.get(round.id) as Tally | undefined;
      return round.state === 'revealed' && tally ? [{ round, tally }] : [];
    });
  }, [controlDoc, rounds, version]);
}

export interface AgreementVersion {
  version: number;
  frozenAt: number;
}

export interface AgreementState {
  draft: AgreementDraftBody | null;
  versions: AgreementVersion[];
}

export function useAgreement(controlDoc: Y.Doc): AgreementState {
  const version = useDocVersion(controlDoc);
  return useMemo(() => {
    const agreement = agreementOf(controlDoc);
    return {
      draft: (agreement.get('draft') as AgreementDraftBody | undefined) ?? null,
      versions: (agreement.get('versions') as AgreementVersion[] | undefined) ?? [],
    };
  }, [controlDoc, version]);
}
