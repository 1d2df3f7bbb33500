import { useCallback } from 'react';
import { FACILITATOR_ID } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { bucketName, OTHER_GROUPS } from '../../shared/voting/anonymity';
import { groupsAsTallied } from '../../shared/voting/revealed';
import type { Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';

/**
 * Names a group id as people read it: the name it had when the tally was counted (else the board's), the merged
 * small groups by the groups inside them, or the facilitator.
 */
export function useGroupName(groups: readonly StakeholderGroup[], tally?: Tally): (id: string) => string {
  const t = useT();
  return useCallback(
    (id: string) => {
      const asTallied = groupsAsTallied(groups, tally);
      const named = (groupId: string) => asTallied.find((group) => group.id === groupId)?.name ?? groupId;
      if (id === OTHER_GROUPS) return bucketName(tally?.merged, named, t('results.otherGroups'));
      if (id === FACILITATOR_ID) return t('role.facilitator');
      return named(id);
    },
    [groups, tally, t],
  );
}
