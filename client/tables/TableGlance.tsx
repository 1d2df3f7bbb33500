import { useId } from 'react';
import type * as Y from 'yjs';
import { readCards, readClusters } from '../../shared/boardDoc';
import { tableBoardRoom } from '../../shared/rooms';
import type { TableInfo } from '../../shared/tables/seating';
import { timerRemaining, type TimerState } from '../../shared/timer';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useSyncedRoom } from '../kernel/sync/useSyncedRoom';
import { formatClock } from '../kernel/time/clock';
import { useServerNow } from '../kernel/time/useServerNow';
import { useTableLabel } from '../kernel/useTableLabel';
import { useSeating } from './useSeating';
import './tables.css';

interface Glance {
  cards: number;
  themes: Array<{ id: string; title: string; color: string; cards: number }>;
}

function glanceOf(doc: Y.Doc | null): Glance {
  if (!doc) return { cards: 0, themes: [] };
  const cards = readCards(doc);
  return {
    cards: cards.length,
    themes: readClusters(doc).map((theme) => ({ ...theme, cards: cards.filter((card) => card.cluster === theme.id).length })),
  };
}

/** One table at a glance: its name, people, cards and themes, live from its board. */
export function TableGlance({ table, people }: { table: TableInfo; people: number }) {
  const t = useT();
  const { boardId, token } = useBoard();
  const label = useTableLabel();
  const doc = useSyncedRoom(tableBoardRoom(boardId, table.id), token);
  const glance = useDocSelector(doc, glanceOf);
  return (
    <article className="table-glance" aria-label={label(table)}>
      <h3>
        {label(table)}
        <TableClock timer={table.timer} />
      </h3>
      <p className="table-counts">
        <span>{t('tables.people', { count: people })}</span> · <span>{t('tables.cards', { count: glance.cards })}</span>
      </p>
      {glance.themes.length === 0 ? (
        <p className="muted">{t('tables.noThemes')}</p>
      ) : (
        <ul className="table-themes">
          {glance.themes.map((theme) => (
            <li key={theme.id} style={{ borderColor: theme.color }}>
              {theme.title} <span className="table-theme-count">{theme.cards}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** A table's countdown on its tile and on the wall, so the room sees which tables are still at work; none while idle. */
export function TableClock({ timer }: { timer: TimerState }) {
  const t = useT();
  const remaining = timerRemaining(timer, useServerNow(timer.status === 'running'));
  const time = formatClock(remaining);
  if (timer.status === 'idle') return null;
  return (
    <span className={`table-clock table-clock-${timer.status}${remaining <= 0 ? ' table-clock-done' : ''}`}>
      <span aria-hidden="true">{time}</span>
      <span className="visually-hidden">{timer.status === 'paused' ? t('timer.paused', { time }) : t('timer.remaining', { time })}</span>
    </span>
  );
}

/** Every table at a glance, for the facilitator and, in large type, the projector. */
export function TablesMosaic({ large = false }: { large?: boolean }) {
  const t = useT();
  const headingId = useId();
  const seating = useSeatingCounts();
  if (seating.tables.length === 0) return null;
  // The tiles speak for themselves on screen; the heading gives each table's heading a level to sit under.
  return (
    <section className={`tables-mosaic${large ? ' tables-mosaic-large' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('tables.mosaic')}
      </h2>
      {seating.tables.map((table) => (
        <TableGlance key={table.id} table={table} people={seating.people.get(table.id) ?? 0} />
      ))}
    </section>
  );
}

function useSeatingCounts() {
  const seating = useSeating();
  const people = new Map<string, number>();
  for (const tableId of Object.values(seating.seats)) people.set(tableId, (people.get(tableId) ?? 0) + 1);
  return { tables: seating.tables, people };
}
