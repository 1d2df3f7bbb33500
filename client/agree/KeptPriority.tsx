import { useSortable } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { AgreementItem } from '../../shared/export/types';
import { LIMITS } from '../../shared/limits';
import { Field } from '../app/Field';
import { useT } from '../app/i18n';

interface Props {
  item: AgreementItem;
  place: number;
  count: number;
  /** The other kept priorities, as merge targets. */
  others: AgreementItem[];
  mergedTitles: string[];
  onMove: (toIndex: number) => void;
  onEdit: (patch: Partial<Pick<AgreementItem, 'title' | 'owner' | 'nextStep'>>) => void;
  onDrop: (reason: string) => void;
  onMerge: (intoId: string) => void;
}

/** One kept priority: drag handle (pointer, touch and keyboard), move buttons, wording, owner, next step, drop or merge. */
export function KeptPriority({ item, place, count, others, mergedTitles, onMove, onEdit, onDrop, onMerge }: Props) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.itemId });
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');

  return (
    <li ref={setNodeRef} className={`kept-priority${isDragging ? ' dragging' : ''}`} style={{ transform: transform ? `translate3d(0, ${transform.y}px, 0)` : undefined, transition }}>
      <fieldset>
        <legend>
          <span className="place">{place}.</span> {item.title}
        </legend>
        <div className="priority-order">
          <button type="button" ref={setActivatorNodeRef} className="drag-handle" aria-label={t('agree.dragHandle', { title: item.title })} {...attributes} {...listeners}>
            ⠿
          </button>
          <button type="button" className="icon-button" aria-label={t('agree.moveUp', { title: item.title })} disabled={place === 1} onClick={() => onMove(place - 2)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={t('agree.moveDown', { title: item.title })} disabled={place === count} onClick={() => onMove(place)}>
            ↓
          </button>
        </div>
        <Field label={t('agree.wording')} value={item.title} required maxLength={LIMITS.maxCardTitle} onChange={(e) => onEdit({ title: e.target.value })} />
        <div className="priority-fields">
          <Field label={t('agree.owner')} value={item.owner} maxLength={LIMITS.maxOrganisation} onChange={(e) => onEdit({ owner: e.target.value })} />
          <Field label={t('agree.nextStep')} value={item.nextStep} maxLength={LIMITS.maxTextField} onChange={(e) => onEdit({ nextStep: e.target.value })} />
        </div>
        {mergedTitles.length > 0 && <p className="muted">{t('agree.includes', { titles: mergedTitles.join(', ') })}</p>}
        <div className="button-row">
          {others.length > 0 && (
            <label className="merge-select">
              <span>{t('agree.mergeInto')}</span>
              <select value="" onChange={(e) => e.target.value && onMerge(e.target.value)}>
                <option value="">{t('agree.mergeChoose')}</option>
                {others.map((other) => (
                  <option key={other.itemId} value={other.itemId}>
                    {other.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!dropping && (
            <button type="button" onClick={() => setDropping(true)}>
              {t('agree.drop')}
            </button>
          )}
        </div>
        {dropping && (
          <form
            className="drop-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) onDrop(reason.trim());
            }}
          >
            <Field label={t('agree.dropReason')} value={reason} required maxLength={LIMITS.maxTextField} onChange={(e) => setReason(e.target.value)} autoFocus />
            <div className="button-row">
              <button type="submit" className="danger" disabled={!reason.trim()}>
                {t('agree.confirmDrop')}
              </button>
              <button type="button" onClick={() => setDropping(false)}>
                {t('agree.cancel')}
              </button>
            </div>
          </form>
        )}
      </fieldset>
    </li>
  );
}
