import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import { CLUSTER_COLORS, deleteCluster, mergeClusters, renameCluster, setClusterColor, type ClusterView } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';

/** Rename, recolour, merge into another theme, or remove: tucked away so the wall shows cards, not controls. */
export function ThemeOptions({ boardDoc, cluster, otherClusters }: { boardDoc: Y.Doc; cluster: ClusterView; otherClusters: ClusterView[] }) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(cluster.title);
  const [mergeTarget, setMergeTarget] = useState('');
  const [editing, setEditing] = useState(false);

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
        {CLUSTER_COLORS.map((color, index) => (
          <label key={color} className="swatch-choice">
            <input
              type="radio"
              name={`${id}-color`}
              value={color}
              checked={cluster.color === color}
              onChange={() => setClusterColor(boardDoc, cluster.id, color)}
            />
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            <span className="visually-hidden">{t('cluster.color', { n: index + 1 })}</span>
          </label>
        ))}
      </fieldset>
      {otherClusters.length > 0 && (
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
            <button type="button" disabled={mergeTarget === ''} onClick={() => mergeClusters(boardDoc, cluster.id, mergeTarget)}>
              {t('cluster.merge')}
            </button>
          </div>
        </div>
      )}
      <button type="button" onClick={() => deleteCluster(boardDoc, cluster.id)} aria-label={t('cluster.deleteLabel', { name: cluster.title })}>
        {t('cluster.delete')}
      </button>
    </details>
  );
}
