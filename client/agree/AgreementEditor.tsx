import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AgreementDraftBody } from '../../shared/api';
import type { AgreementItem } from '../../shared/export/types';
import type { Tally } from '../../shared/voting/types';
import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { useBoard } from '../kernel/BoardContext';
import { useTablesRaised } from '../kernel/useTableLabel';
import { useFormats } from '../app/useFormats';
import { describeFailure } from '../app/describeFailure';
import type { RevealedRound } from '../kernel/useRounds';
import { isKept } from '../../shared/agreement';
import { dropItem, mergeItem, moveKept, restoreItem, updateItem } from './draftEdits';
import { KeptPriority, type OrderControl } from './KeptPriority';
import { StartFromRound } from './StartFromRound';
import { useDraftSaver, type SaveStatus } from './useDraftSaver';

interface Props {
  revealed: RevealedRound[];
  /** The version the next freeze makes. */
  nextVersion: number;
  /** The draft in the control document: adopted until the facilitator edits here. */
  savedDraft: AgreementDraftBody | null;
}

/** The facilitator fixes the final order, owners and next steps, drops or merges items, and freezes the list. */
export function AgreementEditor({ revealed, nextVersion, savedDraft }: Props) {
  const t = useT();
  const { api, boardId } = useBoard();
  const [draft, setDraft] = useState<AgreementDraftBody | null>(savedDraft);
  const editedHere = useRef(false);
  const saver = useDraftSaver(api);
  const [freezing, setFreezing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [frozenVersion, setFrozenVersion] = useState<number | null>(null);
  const [freezeError, setFreezeError] = useState<string | null>(null);

  useEffect(() => {
    if (!editedHere.current && savedDraft) setDraft(savedDraft);
  }, [savedDraft]);

  const change = (next: AgreementDraftBody) => {
    editedHere.current = true;
    setDraft(next);
    saver.save(next);
  };
  const edit = (items: AgreementItem[]) => {
    setFrozenVersion(null);
    if (draft) change({ ...draft, items });
  };
  const tally = revealed.find((entry) => entry.round.id === draft?.roundId);

  const freeze = async () => {
    setFreezing(true);
    setFreezeError(null);
    try {
      if (await saver.flush()) setFrozenVersion((await api.freezeAgreement()).version);
      setConfirming(false);
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
      <KeptList items={draft.items} tally={tally?.tally} roundNumber={tally?.round.number ?? 0} onChange={edit} />
      <SetAsideList items={draft.items} onChange={edit} />
      <p className="hint">{t('agree.draftNotice')}</p>
      <div className="agree-actions">
        <SaveStatusLine status={saver.status} />
        {confirming ? (
          <div className="freeze-confirm" role="group" aria-label={t('agree.freeze')}>
            <p>{t('agree.freezeConfirm', { version: nextVersion })}</p>
            <div className="button-row">
              <button type="button" className="primary" disabled={freezing} onClick={freeze} autoFocus>
                {t('agree.freezeYes', { version: nextVersion })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('agree.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t('agree.freeze')}
          </button>
        )}
        <p className="freeze-notice" role="status">
          {frozenVersion !== null && t('agree.frozenNotice', { version: frozenVersion })}
        </p>
        <p>
          <Link href={paths.progress(boardId)}>{t('register.open')}</Link>
        </p>
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

function KeptList({ items, tally, roundNumber, onChange }: { items: AgreementItem[]; tally: Tally | undefined; roundNumber: number; onChange: (items: AgreementItem[]) => void }) {
  const t = useT();
  const raisedAt = useTablesRaised();
  const kept = items.filter(isKept);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const announcements = useSortAnnouncements(kept);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const [refocus, setRefocus] = useState<{ itemId: string; control: OrderControl } | null>(null);

  // A moved row's button may now be disabled (first or last place) or have lost focus when its row moved:
  // focus goes back to the same row's control, or to the other move button when that one is disabled.
  useLayoutEffect(() => {
    if (!refocus) return;
    const wanted = controls.current.get(`${refocus.itemId}:${refocus.control}`);
    const fallback = controls.current.get(`${refocus.itemId}:${refocus.control === 'up' ? 'down' : 'up'}`);
    const target = wanted && !wanted.disabled ? wanted : fallback && !fallback.disabled ? fallback : controls.current.get(`${refocus.itemId}:handle`);
    target?.focus();
    setRefocus(null);
  }, [refocus]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveKept(items, String(active.id), kept.findIndex((item) => item.itemId === over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t('agree.dragInstructions') } }}>
      <SortableContext items={kept.map((item) => item.itemId)} strategy={verticalListSortingStrategy}>
        <div className="table-scroll agree-table-scroll">
          <table className="agree-table" aria-label={t('agree.keptLabel')}>
            <caption className="hint">{t('agree.tableCaption', { number: roundNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agree.order')}</th>
                <th scope="col">{t('agree.place')}</th>
                <th scope="col">{t('agree.wording')}</th>
                <th scope="col">{t('results.dots')}</th>
                <th scope="col">{t('results.score')}</th>
                <th scope="col">{t('results.consensus')}</th>
                <th scope="col">{t('agree.owner')}</th>
                <th scope="col">{t('agree.nextStep')}</th>
                <th scope="col">{t('agree.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {kept.map((item, index) => (
                <KeptPriority
                  key={item.itemId}
                  item={item}
                  figures={tally?.items.find((tallied) => tallied.id === item.itemId)}
                  place={index + 1}
                  count={kept.length}
                  others={kept.filter((other) => other !== item)}
                  mergedTitles={items.filter((other) => other.mergedInto === item.itemId).map((other) => other.title)}
                  raisedAt={raisedAt([item.itemId, ...items.filter((other) => other.mergedInto === item.itemId).map((other) => other.itemId)])}
                  onMove={(to, control) => {
                    onChange(moveKept(items, item.itemId, to));
                    setRefocus({ itemId: item.itemId, control });
                  }}
                  controlRef={(control, element) => {
                    const key = `${item.itemId}:${control}`;
                    if (element) controls.current.set(key, element);
                    else controls.current.delete(key);
                  }}
                  onEdit={(patch) => onChange(updateItem(items, item.itemId, patch))}
                  onDrop={(reason) => onChange(dropItem(items, item.itemId, reason))}
                  onMerge={(intoId) => onChange(mergeItem(items, item.itemId, intoId))}
                />
              ))}
            </tbody>
          </table>
        </div>
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
