import { groupName, namedGroupCounts } from './groupCounts.js';
import { EXPORT_LABELS } from './labels.js';
import type { PriorityCard, PriorityList } from './types.js';

/** Text is user text and gets escaped; numbers are figures we computed ourselves. */
type Cell = string | number | null;

/**
 * RFC 4180 CSV, one row per priority, with a UTF-8 byte order mark so Excel reads å, ä, ö and ij right.
 * Every figure is a whole number (scores and consensus as percentages), so no decimal separator depends
 * on the reader's locale.
 */
export function toCsv(list: PriorityList): string {
  const labels = EXPORT_LABELS[list.board.language];
  const header: Cell[] = [
    labels.rank,
    labels.priority,
    labels.kind,
    labels.votes,
    ...list.votingGroups.map((id) => groupName(list, id)),
    `${labels.balancedScore} (%)`,
    labels.balancedRank,
    `${labels.consensus} (%)`,
    labels.contested,
    labels.owner,
    labels.nextStep,
    labels.cards,
    labels.cardsByGroup,
  ];
  const rows = list.items.map((item): Cell[] => {
    const votes = item.votes;
    return [
      item.rank,
      item.title,
      labels[item.kind],
      votes?.total ?? null,
      ...list.votingGroups.map((id) => (votes ? (votes.byGroup[id] ?? 0) : null)),
      votes ? Math.round(votes.balanced) : null,
      votes?.balancedRank ?? null,
      votes && votes.consensus !== null ? Math.round(votes.consensus * 100) : null,
      votes ? (votes.contested ? labels.yes : labels.no) : null,
      item.owner,
      item.nextStep,
      cardsText(item.cards),
      namedGroupCounts(list, item.provenance)
        .map(({ name, count }) => `${name}: ${count}`)
        .join('; '),
    ];
  });
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** One card a line, its detail indented beneath it. */
function cardsText(cards: PriorityCard[]): string {
  return cards
    .flatMap((card) => [card.title, ...card.body.split('\n').filter((line) => line.trim() !== '').map((line) => `  ${line}`)])
    .join('\n');
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  // A spreadsheet runs a cell that starts like a formula (OWASP "CSV injection"); the apostrophe makes it text.
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
