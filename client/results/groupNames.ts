import { useCallback } from 'react';
import { FACILITATOR_ID } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { bucketName, OTHER_GROUPS } from '../../shared/voting/anonymity';
import { useT } from '../app/i18n';

/**
 * Names a group id as people read it: the board's name, the merged small groups by the groups inside them
 * (`merged`, from the tally or the turnout), or the facilitator.
 */
export function useGroupName(groups: readonly StakeholderGroup[], merged?: readonly string[]): (id: string) => string {
  const t = useT();
  return useCallback(
    (id: string) => {
      const named = (groupId: string) => groups.find((group) => group.id === groupId)?.name ?? groupId;
      if (id === OTHER_GROUPS) return bucketName(merged, named, t('results.otherGroups'));
      if (id === FACILITATOR_ID) return t('role.facilitator');
      return named(id);
    },
    [groups, merged, t],
  );
}
