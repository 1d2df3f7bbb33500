import { useCallback } from 'react';
import { tableLabel, type TableInfo } from '../../shared/tables/seating';
import { useT } from '../app/i18n';

/** What a breakout table is called, in the reader's language: on its board, at a glance and on every card it sent. */
export function useTableLabel(): (table: Pick<TableInfo, 'number' | 'name'>) => string {
  const t = useT();
  return useCallback((table) => tableLabel(table, (number) => t('tables.numbered', { number })), [t]);
}
