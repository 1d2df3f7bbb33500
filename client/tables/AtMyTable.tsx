import type { ReactNode } from 'react';
import { tableBoardRoom } from '../../shared/rooms';
import { tableOf } from '../../shared/tables/seating';
import { useT } from '../app/i18n';
import { BoardProvider, useBoard } from '../kernel/BoardContext';
import { useSyncedRoom } from '../kernel/sync/useSyncedRoom';
import { useTableLabel } from '../kernel/useTableLabel';
import { useSeating } from './useSeating';
import './tables.css';

/**
 * A participant seated at a breakout table works on their table's board: the views inside see it as the board
 * (cards, themes, undo), with the workshop's control document. Anyone not seated sees the plenary board.
 */
export function AtMyTable({ participantId, children }: { participantId: string | null; children: ReactNode }) {
  const t = useT();
  const board = useBoard();
  const label = useTableLabel();
  const table = participantId ? tableOf(useSeating(), participantId) : undefined;
  const doc = useSyncedRoom(table ? tableBoardRoom(board.boardId, table.id) : null, board.token);
  if (!table) return <>{children}</>;
  return (
    <section className="my-table" aria-labelledby="my-table-heading">
      <h2 id="my-table-heading">{t('tables.yourTable', { table: label(table) })}</h2>
      <p className="hint">{t('tables.yourTableHint')}</p>
      {doc && (
        <BoardProvider boardId={board.boardId} token={board.token} docs={{ boardDoc: doc, controlDoc: board.controlDoc, awareness: board.awareness }} tableId={table.id}>
          {children}
        </BoardProvider>
      )}
    </section>
  );
}
