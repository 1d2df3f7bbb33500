import { useCallback } from 'react';
import { FACILITATOR_ID } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { OTHER_GROUPS } from '../../shared/voting/anonymity';
import { useT } from '../app/i18n';

/** Names a group id as people read it: the board's name, "other groups" for merged small groups, or the facilitator. */
export function useGroupName(groups: readonly StakeholderGroup[]): (id: string) => string {
  const t = useT();
  return useCallback(
    (id: string) => {
      if (id === OTHER_GROUPS) return t('results.otherGroups');
      if (id === FACILITATOR_ID) return t('role.facilitator');
      return groups.find((group) => group.id === id)?.name ?? id;
    },
    [groups, t],
  );
}
