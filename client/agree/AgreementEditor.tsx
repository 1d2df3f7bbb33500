import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgreementDraftBody } from '../../shared/api';
import type { AgreementItem } from '../../shared/export/types';
import { freezeAgreement } from '../api/serverApi';
import { useT } from '../app/i18n';
import { useFormats } from '../results/useFormats';
import { describeFailure } from '../app/describeFailure';
import type { RevealedRound } from '../voting/useRounds';
import { dropItem, isKept, mergeItem, moveKept, restoreItem, updateItem } from './draftEdits';
import { KeptPriority } from './KeptPriority';
import { StartFromRound } from './StartFromRound';
import { useDraftSaver, type SaveStatus } from './useDraftSaver';

interface Props {
  boardId: string;
  token: string;
  revealed: RevealedRound[];
  /** The draft in the control document: adopted until the facilitator edits here. */
  savedDraft: AgreementDraftBody | null;
}

/** The facilitator fixes the final order, owners and next steps, drops or merges items, and freezes the list. */
export function AgreementEditor({ boardId, token, revealed, savedDraft }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<AgreementDraftBody | null>(savedDraft);
  const editedHere = useRef(false);
  const saver = useDraftSaver(boardId, token);
  const [freezing, setFreezing] = useState(false);
  const [freezeError, setFreezeError] = useState<string | null>(null);

  useEffect(() => {
    if (!editedHere.current && savedDraft) setDraft(savedDraft);
  }, [savedDraft]);

  const change = (next: AgreementDraftBody) => {
    editedHere.current = true;
    setDraft(next);
    saver.save(next);
  };
  const edit = (items: AgreementItem[]) => draft && change({ ...draft, items });

  const freeze = async () => {
    setFreezing(true);
    setFreezeError(null);
    try {
      if (await saver.flush()) await freezeAgreement(boardId, token);
    } catch (failure) {
      setFreezeError(describeFailure(failure, t));
    } finally {
      setFreezing(false);
    }
  };

  if (!draft) {
    return <StartFromRound revealed={revealed} onStart={change} />;
  }
  return (
    <>
      <KeptList items={draft.items} onChange={edit} />
      <SetAsideList items={draft.items} onChange={edit} />
      <div className="agree-actions">
        <SaveStatusLine status={saver.status} />
        <button type="button" className="primary" disabled={freezing} onClick={freeze}>
          {t('agree.freeze')}
        </button>
        {freezeError && (
          <p className="form-error" role="alert">
            {freezeError}
          </p>
        )}
      </div>
      <details className="start-again">
        <summary>{t('agree.startAgain')}</summary>
        <StartFromRound revealed={revealed} onStart={change} />
      </details>
    </>
  );
}

function KeptList({ items, onChange }: { items: AgreementItem[]; onChange: (items: AgreementItem[]) => void }) {
  const t = useT();
  const kept = items.filter(isKept);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const announcements = useSortAnnouncements(kept);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveKept(items, String(active.id), kept.findIndex((item) => item.itemId === over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('agree.dragInstructions') } }}>
      <SortableContext items={kept.map((item) => item.itemId)} strategy={verticalListSortingStrategy}>
        <ol className="kept-priorities" aria-label={t('agree.keptLabel')}>
          {kept.map((item, index) => (
            <KeptPriority
              key={item.itemId}
              item={item}
              place={index + 1}
              count={kept.length}
              others={kept.filter((other) => other !== item)}
              mergedTitles={items.filter((other) => other.mergedInto === item.itemId).map((other) => other.title)}
              onMove={(to) => onChange(moveKept(items, item.itemId, to))}
              onEdit={(patch) => onChange(updateItem(items, item.itemId, patch))}
              onDrop={(reason) => onChange(dropItem(items, item.itemId, reason))}
              onMerge={(intoId) => onChange(mergeItem(items, item.itemId, intoId))}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

/** What dnd-kit reads out while sorting by keyboard, in the reader's language and with the priorities' titles. */
function useSortAnnouncements(kept: AgreementItem[]): Announcements {
  const t = useT();
  return useMemo(() => {
    const title = (id: unknown) => kept.find((item) => item.itemId === id)?.title ?? '';
    const place = (id: unknown) => kept.findIndex((item) => item.itemId === id) + 1;
    return {
      onDragStart: ({ active }) => t('agree.announceStart', { title: title(active.id), place: place(active.id) }),
      onDragOver: ({ active, over }) => (over ? t('agree.announceOver', { title: title(active.id), place: place(over.id) }) : undefined),
      onDragEnd: ({ active, over }) => (over ? t('agree.announceEnd', { title: title(active.id), place: place(over.id) }) : undefined),
      onDragCancel: ({ active }) => t('agree.announceCancel', { title: title(active.id) }),
    };
  }, [kept, t]);
}

function SetAsideList({ items, onChange }: { items: AgreementItem[]; onChange: (items: AgreementItem[]) => void }) {
  const t = useT();
  const setAside = items.filter((item) => !isKept(item));
  if (setAside.length === 0) return null;
  const titleOf = (id: string) => items.find((item) => item.itemId === id)?.title ?? id;
  return (
    <section className="set-aside" aria-labelledby="set-aside-heading">
      <h3 id="set-aside-heading">{t('agree.setAside')}</h3>
      <ul>
        {setAside.map((item) => (
          <li key={item.itemId}>
            <span>
              <strong>{item.title}</strong>{' '}
              {item.dropped ? t('agree.droppedBecause', { reason: item.dropped.reason }) : t('agree.mergedInto', { title: titleOf(item.mergedInto!) })}
            </span>
            <button type="button" onClick={() => onChange(restoreItem(items, item.itemId))} aria-label={t('agree.restoreLabel', { title: item.title })}>
              {t('agree.restore')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SaveStatusLine({ status }: { status: SaveStatus }) {
  const t = useT();
  const format = useFormats();
  const text =
    status.kind === 'saving'
      ? t('agree.saving')
      : status.kind === 'saved'
        ? t('agree.saved', { time: format.time(status.at) })
        : status.kind === 'failed'
          ? describeFailure(status.error, t)
          : '';
  return (
    <p className={`save-status${status.kind === 'failed' ? ' form-error' : ''}`} role="status">
      {text}
    </p>
  );
}
