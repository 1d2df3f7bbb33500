import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { CLUSTER_COLOR_NAMES, CLUSTER_COLORS, deleteCluster, mergeClusters, renameCluster, setClusterColor, type ClusterView } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { BoardHistory } from '../kernel/history/BoardHistory';

/**
 * Rename, recolour, merge into another theme, or remove: tucked away so the wall shows cards, not controls.
 * Merging and removing take the theme away: offered only to whom may (`mayRemove`, shared/permissions.ts).
 */
export function ThemeOptions({ boardDoc, cluster, otherClusters, mayRemove }: { boardDoc: Y.Doc; cluster: ClusterView; otherClusters: ClusterView[]; mayRemove: boolean }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(cluster.title);
  const [mergeTarget, setMergeTarget] = useState('');
  const [editing, setEditing] = useState(false);
  const [confirmMerge, setConfirmMerge] = useState(false);
  const history = BoardHistory.of(boardDoc);
  const mergeInto = otherClusters.find((c) => c.id === mergeTarget);

  const merge = () => {
    if (!mergeInto) return;
    setConfirmMerge(false);
    history.change(() => mergeClusters(boardDoc, cluster.id, mergeInto.id), t('undo.merged', { from: cluster.title, into: mergeInto.title }));
  };
  const remove = () => history.change(() => deleteCluster(boardDoc, cluster.id), t('undo.themeRemoved', { name: cluster.title }));

  // Someone else renamed it: show their name unless this person is typing a new one.
  useEffect(() => {
    if (!editing) setName(cluster.title);
  }, [cluster.title, editing]);

  const commitName = () => {
    setEditing(false);
    const trimmed = name.trim();
    if (trimmed !== '' && trimmed !== cluster.title) renameCluster(boardDoc, cluster.id, trimmed);
    else setName(cluster.title);
  };

  return (
    <details className="theme-options">
      <summary>{t('cluster.options')}</summary>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('cluster.nameLabel', { name: cluster.title })}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={LIMITS.maxClusterTitle}
          onFocus={() => setEditing(true)}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitName();
            }
          }}
        />
      </div>
      <fieldset className="swatches">
        <legend>{t('cluster.colorLegend', { name: cluster.title })}</legend>
        {CLUSTER_COLORS.map((color) => (
          <label key={color} className="swatch-choice">
            <input
              type="radio"
              name={`${id}-color`}
              value={color}
              checked={cluster.color === color}
              onChange={() => setClusterColor(boardDoc, cluster.id, color)}
            />
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            <span className="visually-hidden">{t(`color.${CLUSTER_COLOR_NAMES[color]}`)}</span>
          </label>
        ))}
      </fieldset>
      {mayRemove && otherClusters.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-merge`}>{t('cluster.mergeLabel', { name: cluster.title })}</label>
          <div className="add-line-row">
            <select id={`${id}-merge`} value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)}>
              <option value="">{t('cluster.mergeChoose')}</option>
              {otherClusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <button type="button" disabled={!mergeInto} onClick={() => setConfirmMerge(true)}>
              {t('cluster.merge')}
            </button>
          </div>
          {confirmMerge && mergeInto && (
            <div className="confirm" role="group" aria-label={t('cluster.merge')}>
              <p>{t('merge.confirm', { from: cluster.title, into: mergeInto.title })}</p>
              <button type="button" className="primary" onClick={merge} autoFocus>
                {t('merge.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirmMerge(false)}>
                {t('move.cancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {mayRemove && (
        <button type="button" onClick={remove} aria-label={t('cluster.deleteLabel', { name: cluster.title })}>
          {t('cluster.delete')}
        </button>
      )}
    </details>
  );
}
