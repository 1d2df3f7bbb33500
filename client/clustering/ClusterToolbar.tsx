import { useId, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useT } from '../app/i18n';
import { UndoButtons } from './UndoControls';

export interface CardFilter {
  query: string;
  duplicatesOnly: boolean;
}

interface Props {
  boardDoc: Y.Doc;
  canCluster: boolean;
  filter: CardFilter;
  onFilter: (filter: CardFilter) => void;
  /** How many cards the filter lets through, or null when nothing is filtered. */
  matches: number | null;
  compact: boolean;
  onCompact: (compact: boolean) => void;
  selectedCount: number;
  onMoveSelected: () => void;
  onClearSelection: () => void;
  /** "Suggest themes", for those who may cluster. */
  suggest?: ReactNode;
}

/** Finding cards, the compact view of themes, undo, and what to do with the selected cards: one row above the board. */
export function ClusterToolbar(props: Props) {
  const t = useT();
  const id = useId();
  const { filter, onFilter } = props;
  return (
    <div className="cluster-toolbar">
      <div className="cluster-find">
        <label htmlFor={`${id}-find`}>{t('find.label')}</label>
        <input
          id={`${id}-find`}
          type="search"
          value={filter.query}
          placeholder={t('find.placeholder')}
          onChange={(e) => onFilter({ ...filter, query: e.target.value })}
        />
        {props.matches !== null && (
          <span className="count" role="status">
            {t('find.matches', { count: props.matches })}
          </span>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filter.duplicatesOnly} onChange={(e) => onFilter({ ...filter, duplicatesOnly: e.target.checked })} />
        <span>{t('dup.only')}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={props.compact} onChange={(e) => props.onCompact(e.target.checked)} />
        <span>{t('themes.compact')}</span>
      </label>
      {props.suggest}
      {props.canCluster && <UndoButtons boardDoc={props.boardDoc} />}
      {props.selectedCount > 0 && (
        <div className="selection-bar" role="group" aria-label={t('select.count', { count: props.selectedCount })}>
          <span>{t('select.count', { count: props.selectedCount })}</span>
          <button type="button" className="primary" onClick={props.onMoveSelected}>
            {t('select.move')}
          </button>
          <button type="button" onClick={props.onClearSelection}>
            {t('select.clear')}
          </button>
        </div>
      )}
    </div>
  );
}
