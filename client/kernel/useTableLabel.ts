import { useCallback, useMemo } from 'react';
import { itemCards } from '../../shared/cardMerge';
import { tableLabel, tablesBehind, tablesRaised, type TableInfo } from '../../shared/tables/seating';
import { useT } from '../app/i18n';
import { useBoard } from './BoardContext';
import { useCards } from './useBoardData';

/** What a breakout table is called, in the reader's language: on its board, at a glance and on every card it sent. */
export function useTableLabel(): (table: Pick<TableInfo, 'number' | 'name'>) => string {
  const t = useT();
  return useCallback((table) => tableLabel(table, (number) => t('tables.numbered', { number })), [t]);
}

/**
 * Which breakout tables raised a priority, live from the board's cards: the items' cards (a priority and those merged
 * into it) counted per table as every export and the report say it ("Table 1 (3); By the window (2)"), or null when
 * none of them sat at a table, so screens of a board without tables show nothing.
 */
export function useTablesRaised(): (itemIds: readonly string[]) => string | null {
  const label = useTableLabel();
  const cards = useCards(useBoard().boardDoc);
  return useMemo(() => {
    const cardsOf = itemCards(cards);
    return (itemIds) => {
      const tables = tablesBehind(itemIds.flatMap(cardsOf));
      return tables.length === 0 ? null : tablesRaised(tables, label);
    };
  }, [cards, label]);
}
