import { tableBoardRoom } from '../../shared/rooms';
import type { TableInfo } from '../../shared/tables/seating';
import { useBoard } from '../kernel/BoardContext';
import { useSyncedRoom } from '../kernel/sync/useSyncedRoom';
import { useTableLabel } from '../kernel/useTableLabel';
import { TableClock } from '../tables/TableGlance';
import { ClusterSlide } from './ClusterSlide';

/** One breakout table large on the projector: its themes as the plenary's are shown while clustering, and its cards. */
export function TableSlide({ table }: { table: TableInfo }) {
  const { boardId, token } = useBoard();
  const label = useTableLabel();
  const doc = useSyncedRoom(tableBoardRoom(boardId, table.id), token);
  return (
    <section className="slide table-slide" aria-label={label(table)}>
      <h2>
        {label(table)}
        <TableClock timer={table.timer} />
      </h2>
      {doc && <ClusterSlide doc={doc} withPile />}
    </section>
  );
}
