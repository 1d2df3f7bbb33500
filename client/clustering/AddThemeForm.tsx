import type * as Y from 'yjs';
import { addCluster } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { SingleLineAddForm } from '../app/SingleLineAddForm';
import { BoardHistory } from '../kernel/history/BoardHistory';
import { useClusters } from '../kernel/useBoardData';

/** Adds a theme, undoably, for those who may cluster; it sits beside the form that adds a card. */
export function AddThemeForm({ boardDoc }: { boardDoc: Y.Doc }) {
  const t = useT();
  const clusters = useClusters(boardDoc);
  return (
    <SingleLineAddForm
      label={t('cluster.addLabel')}
      placeholder={t('cluster.addPlaceholder')}
      submitLabel={t('cluster.add')}
      maxLength={LIMITS.maxClusterTitle}
      fullMessage={clusters.length >= LIMITS.maxClustersPerBoard ? t('cluster.full') : null}
      onAdd={(title) => BoardHistory.of(boardDoc).change(() => addCluster(boardDoc, { title }))}
    />
  );
}
