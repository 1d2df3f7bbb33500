import { balancedFigure, consensusFigure } from '../figures.js';
import { groupName, namedGroupCounts } from './groupCounts.js';
import { EXPORT_LABELS } from './labels.js';
import { tablesRaised } from '../tables/seating.js';
import type { PriorityCard, PriorityList } from './types.js';

/** Text is user text; numbers are figures, already rounded by the one rule of shared/figures.ts. */
export type TableCell = string | number | null;

export interface PriorityTable {
  header: string[];
  rows: TableCell[][];
}

/**
 * The priority list as one table, a row per priority and a column per shown group: what the CSV writes
 * and what every sheet of the XLSX shows. `withAgreement: false` leaves out owner and next step, for the
 * sheet of a round that no agreement was made from. A column of the tables that raised each priority follows
 * when cards came from breakout tables. Items the agreement dropped follow the priorities, unranked,
 * with their reason in a last column, so every format carries the same content.
 */
export function priorityTable(list: PriorityList, { withAgreement = true } = {}): PriorityTable {
  const labels = EXPORT_LABELS[list.board.language];
  const header = [
    labels.rank,
    labels.priority,
    labels.kind,
    labels.votes,
    ...list.votingGroups.map((id) => groupName(list, id)),
    `${labels.balancedScore} (%)`,
    labels.balancedRank,
    `${labels.consensus} (%)`,
    labels.contested,
    ...(withAgreement ? [labels.owner, labels.nextStep] : []),
    labels.cards,
    labels.cardsByGroup,
  ];
  const withTables = list.items.some((item) => item.tables);
  if (withTables) header.push(labels.tables);
  const dropped = withAgreement ? list.dropped : [];
  if (dropped.length > 0) header.push(labels.droppedBecause);
  const rows = list.items.map((item): TableCell[] => {
    const votes = item.votes;
    return [
      item.rank,
      item.title,
      labels[item.kind],
      votes?.total ?? null,
      ...list.votingGroups.map((id) => (votes ? (votes.byGroup[id] ?? 0) : null)),
      votes ? balancedFigure(votes.balanced) : null,
      votes?.balancedRank ?? null,
      votes && votes.consensus !== null ? consensusFigure(votes.consensus) : null,
      votes ? (votes.contested ? labels.yes : labels.no) : null,
      ...(withAgreement ? [item.owner, item.nextStep] : []),
      cardsText(item.cards),
      namedGroupCounts(list, item.provenance)
        .map(({ name, count }) => `${name}: ${count}`)
        .join('; '),
      ...(withTables ? [item.tables ? tablesRaised(item.tables, labels.table) : null] : []),
    ];
  });
  if (dropped.length > 0) for (const row of rows) row.push(null);
  for (const item of dropped) {
    const row: TableCell[] = header.map(() => null);
    row[1] = item.title;
    row[header.length - 1] = item.reason;
    rows.push(row);
  }
  return { header, rows };
}

/** One card a line, its detail indented beneath it. */
function cardsText(cards: PriorityCard[]): string {
  return cards
    .flatMap((card) => [card.title, ...card.body.split('\n').filter((line) => line.trim() !== '').map((line) => `  ${line}`)])
    .join('\n');
}
