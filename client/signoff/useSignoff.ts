import { useMemo } from 'react';
import { readSignoff } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { signoffOutcome } from '../../shared/signoff';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useParticipants } from '../kernel/useBoardData';

/**
 * The sign-off as the control document shows it, and its outcome by the rule the server answers with
 * (shared/signoff.ts); the outcome is null before the first frozen version.
 */
export function useSignoff(groups: readonly StakeholderGroup[]) {
  const { controlDoc } = useBoard();
  const shown = useDocSelector(controlDoc, readSignoff);
  const participants = useParticipants(controlDoc);
  const outcome = useMemo(
    () => (shown.version === null ? null : signoffOutcome(shown.version, shown, groups, [...participants.values()], shown.decisions)),
    [shown, groups, participants],
  );
  return { shown, outcome, participants };
}
