import type { Language } from '../phases.js';
import { OTHER_GROUPS } from '../voting/anonymity.js';
import { EXPORT_LABELS } from './labels.js';
import type { PriorityList } from './types.js';

/**
 * The list told in the reader's language: the export's words, figures and CSV separator follow
 * `board.language`, and an unnamed smaller-groups bucket is the one group name the product itself gives (a bucket named
 * by its groups keeps their names). Everything
 * people typed (title, groups, cards, owners) stays as written. A frozen version is relabelled the same way:
 * its content is what was agreed, its words are the reader's.
 */
export function inReaderLanguage(list: PriorityList, language: Language): PriorityList {
  if (list.board.language === language) return list;
  return {
    ...list,
    board: { ...list.board, language },
    groups: list.groups.map((group) =>
      group.id === OTHER_GROUPS && group.name === EXPORT_LABELS[list.board.language].otherGroups ? { ...group, name: EXPORT_LABELS[language].otherGroups } : group,
    ),
  };
}
