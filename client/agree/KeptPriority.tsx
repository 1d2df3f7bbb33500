import { useSortable } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { AgreementItem } from '../../shared/export/types';
import { LIMITS } from '../../shared/limits';
import type { TallyItem } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { ContestedBadge } from '../results/ContestedBadge';
import { useFormats } from '../app/useFormats';

/** Which of a row's order controls had the focus, to give it back after the row moved. */
export type OrderControl = 'handle' | 'up' | 'down';

interface Props {
  item: AgreementItem;
  /** The item's figures in the draft's round, if it has any. */
  figures: TallyItem | undefined;
  place: number;
  count: number;
  /** The other kept priorities, as merge targets. */
  others: AgreementItem[];
  mergedTitles: string[];
  /** The breakout tables that raised it, as one line; null without tables. */
  raisedAt: string | null;
  onMove: (toIndex: number, control: OrderControl) => void;
  /** Where the order controls of this row register, so the list can focus them after a move. */
  controlRef: (control: OrderControl, element: HTMLButtonElement | null) => void;
  onEdit: (patch: Partial<Pick<AgreementItem, 'title' | 'owner' | 'nextStep'>>) => void;
  onDrop: (reason: string) => void;
  onMerge: (intoId: string) => void;
}

/**
 * One kept priority as a table row: order controls (drag handle for pointer, touch and keyboard, and move
 * buttons), its figures beside the wording, owner and next step, then drop or merge.
 */
export function KeptPriority({ item, figures, place, count, others, mergedTitles, raisedAt, onMove, controlRef, onEdit, onDrop, onMerge }: Props) {
  const t = useT();
  const format = useFormats();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.itemId });
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  // Merging takes the item out of the list: chosen first, then confirmed, never done by the choice alone.
  const [mergeTarget, setMergeTarget] = useState<{ itemId: string; title: string } | null>(null);

  return (
    <tr ref={setNodeRef} className={`kept-priority${isDragging ? ' dragging' : ''}`} style={{ transform: transform ? `translate3d(0, ${transform.y}px, 0)` : undefined, transition }}>
      <td className="priority-order">
        <button
          type="button"
          ref={(element) => {
            setActivatorNodeRef(element);
            controlRef('handle', element);
          }}
          className="drag-handle"
          aria-label={t('agree.dragHandle', { title: item.title })}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <button type="button" ref={(element) => controlRef('up', element)} className="icon-button" aria-label={t('agree.moveUp', { title: item.title })} disabled={place === 1} onClick={() => onMove(place - 2, 'up')}>
          ↑
        </button>
        <button type="button" ref={(element) => controlRef('down', element)} className="icon-button" aria-label={t('agree.moveDown', { title: item.title })} disabled={place === count} onClick={() => onMove(place, 'down')}>
          ↓
        </button>
      </td>
      <th scope="row" className="place">
        {place}
      </th>
      <td className="priority-wording">
        <input aria-label={t('agree.wordingOf', { place })} value={item.title} required maxLength={LIMITS.maxCardTitle} onChange={(e) => onEdit({ title: e.target.value })} />
        {figures?.contested && <ContestedBadge />}
        {mergedTitles.length > 0 && <span className="th-note">{t('agree.includes', { titles: mergedTitles.join(', ') })}</span>}
        {raisedAt && <span className="th-note">{t('tables.raisedAt', { tables: raisedAt })}</span>}
      </td>
      <td className="figure">{figures ? `${figures.total} · #${figures.rank}` : '–'}</td>
      <td className="figure">{figures ? format.score(figures.balanced) : '–'}</td>
      <td className="figure">{format.consensus(figures?.consensus ?? null)}</td>
      <td className="priority-owner">
        <textarea rows={2} aria-label={t('agree.ownerOf', { place })} value={item.owner} maxLength={LIMITS.maxOrganisation} onChange={(e) => onEdit({ owner: e.target.value })} />
      </td>
      <td className="priority-next">
        <textarea rows={2} aria-label={t('agree.nextStepOf', { place })} value={item.nextStep} maxLength={LIMITS.maxTextField} onChange={(e) => onEdit({ nextStep: e.target.value })} />
      </td>
      <td className="priority-actions">
        {mergeTarget && (
          <div className="merge-confirm" role="group" aria-label={t('agree.confirmMerge', { title: mergeTarget.title })}>
            <button type="button" className="danger" autoFocus onClick={() => onMerge(mergeTarget.itemId)}>
              {t('agree.confirmMerge', { title: mergeTarget.title })}
            </button>
            <button type="button" onClick={() => setMergeTarget(null)}>
              {t('agree.cancel')}
            </button>
          </div>
        )}
        {others.length > 0 && !mergeTarget && (
          <select
            aria-label={`${t('agree.mergeInto')}: ${item.title}`}
            value=""
            onChange={(e) => {
              const chosen = others.find((other) => other.itemId === e.target.value);
              if (chosen) setMergeTarget({ itemId: chosen.itemId, title: chosen.title });
            }}
          >
            <option value="">{t('agree.mergeChoose')}</option>
            {others.map((other) => (
              <option key={other.itemId} value={other.itemId}>
                {other.title}
              </option>
            ))}
          </select>
        )}
        {dropping ? (
          <form
            className="drop-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) onDrop(reason.trim());
            }}
          >
            <input aria-label={t('agree.dropReason')} placeholder={t('agree.dropReason')} value={reason} required maxLength={LIMITS.maxTextField} onChange={(e) => setReason(e.target.value)} autoFocus />
            <div className="button-row">
              <button type="submit" className="danger" disabled={!reason.trim()}>
                {t('agree.confirmDrop')}
              </button>
              <button type="button" onClick={() => setDropping(false)}>
                {t('agree.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" aria-label={`${t('agree.drop')} ${item.title}`} onClick={() => setDropping(true)}>
            {t('agree.drop')}
          </button>
        )}
      </td>
    </tr>
  );
}
