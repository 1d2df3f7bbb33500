import { useEffect, useRef, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { addCluster, type CardView, type ClusterView } from '../../shared/boardDoc';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { SingleLineAddForm } from '../app/SingleLineAddForm';
import { BoardHistory } from '../kernel/history/BoardHistory';
import { ThemeSwatch } from './ThemeSwatch';

interface Props {
  boardDoc: Y.Doc;
  cards: CardView[];
  clusters: ClusterView[];
  /** Moves the cards; null is the pile. A theme made in the dialog comes with its name: the board's list of themes has not caught up with it yet. */
  onMove: (target: string | null, newThemeName?: string) => void;
  onCancel: () => void;
}

/**
 * "Move to theme…": every theme as a button, the pile, and a new theme, in a modal dialog. The way to move
 * cards without dragging, for a finger on a phone as much as for the keyboard.
 */
export function MoveDialog({ boardDoc, cards, clusters, onMove, onCancel }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  // All the cards in one theme: that theme is where they are, and moving there changes nothing.
  const here = new Set(cards.map((c) => c.cluster));
  const current = here.size === 1 ? [...here][0] : undefined;
  const title = cards.length === 1 ? t('move.titleOne', { title: cards[0].title }) : t('move.titleMany', { count: cards.length });

  const target = (id: string | null, label: string, swatch?: ReactNode) => (
    <li key={id ?? 'pile'}>
      <button type="button" onClick={() => onMove(id)} disabled={current === id} className="move-target">
        {swatch}
        <span>{label}</span>
        {current === id && <span className="muted"> {t('move.current')}</span>}
      </button>
    </li>
  );

  return (
    <dialog ref={dialog} className="modal move-dialog" aria-labelledby="move-dialog-title" onClose={onCancel}>
      <h2 id="move-dialog-title">{title}</h2>
      <ul className="move-targets">
        {clusters.map((cluster, index) => target(cluster.id, cluster.title, <ThemeSwatch color={cluster.color} number={index + 1} />))}
        {target(null, t('move.pile'))}
      </ul>
      {clusters.length < LIMITS.maxClustersPerBoard && (
        <SingleLineAddForm
          label={t('move.newTheme')}
          placeholder={t('move.newThemePlaceholder')}
          submitLabel={t('move.createAndMove')}
          maxLength={LIMITS.maxClusterTitle}
          fullMessage={null}
          onAdd={(name) => {
            let id = '';
            BoardHistory.of(boardDoc).change(() => {
              id = addCluster(boardDoc, { title: name });
            });
            onMove(id, name);
          }}
        />
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('move.cancel')}
      </button>
    </dialog>
  );
}
