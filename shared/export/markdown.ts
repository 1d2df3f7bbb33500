import { balancedFigure, consensusFigure } from '../figures.js';
import type { DecisionRecord } from '../signoff.js';
import { decisionRecordTable } from './decisionRecord.js';
import { namedGroupCounts } from './groupCounts.js';
import { statusLine, utcMinute } from './statusLine.js';
import { EXPORT_LABELS } from './labels.js';
import { tablesRaised } from '../tables/seating.js';
import type { PriorityItem, PriorityList } from './types.js';

/** Minutes-friendly Markdown: a heading per priority with its figures, owner, next step and cards. */
export function toMarkdown(list: PriorityList, decisionRecord: DecisionRecord | null = null): string {
  const labels = EXPORT_LABELS[list.board.language];
  const percent = new Intl.NumberFormat(list.board.language, { style: 'percent', maximumFractionDigits: 1 });
  const split = (counts: Record<string, number>) =>
    namedGroupCounts(list, counts)
      .map(({ name, count }) => `${inline(name)} ${count}`)
      .join(', ');

  const lines = [`# ${inline(list.board.title)}`, ''];
  if (list.board.question) lines.push(`**${labels.question}:** ${inline(list.board.question)}`, '');
  lines.push(statusLine(list), '');
  if (list.voters) lines.push(`${labels.voters}: ${list.voters.total} (${split(list.voters.byGroup)})`, '');

  for (const item of list.items) {
    lines.push(`## ${item.rank === null ? '' : `${item.rank}. `}${inline(item.title)}`, '');
    const { votes } = item;
    if (votes) {
      lines.push(`- ${labels.votes}: ${votes.total} (${split(votes.byGroup)})`);
      lines.push(`- ${labels.balancedScore}: ${percent.format(balancedFigure(votes.balanced) / 100)} (${labels.balancedRank.toLowerCase()} ${votes.balancedRank})`);
      if (votes.consensus !== null) lines.push(`- ${labels.consensus}: ${percent.format(consensusFigure(votes.consensus) / 100)}`);
      if (votes.contested) lines.push(`- **${labels.contested}**`);
    }
    if (item.owner) lines.push(`- ${labels.owner}: ${inline(item.owner)}`);
    if (item.nextStep) lines.push(`- ${labels.nextStep}: ${inline(item.nextStep)}`);
    if (item.mergedFrom.length > 0) lines.push(`- ${labels.mergedFrom}: ${item.mergedFrom.map((m) => inline(m.title)).join('; ')}`);
    if (item.tables) lines.push(`- ${labels.tables}: ${tablesRaised(item.tables, (table) => inline(labels.table(table)))}`);
    if (item.cards.length > 0) lines.push(`- ${labels.cards} (${split(item.provenance)}):`, ...cardLines(item));
    lines.push('');
  }

  if (list.dropped.length > 0) {
    lines.push(`## ${labels.dropped}`, '', ...list.dropped.map((d) => `- ${inline(d.title)}: ${inline(d.reason)}`), '');
  }
  if (decisionRecord) {
    const record = decisionRecordTable(decisionRecord, list);
    lines.push(`## ${inline(record.title)}`, '', ...record.lines.map((text) => `${inline(text)}  `), '');
    lines.push(`| ${record.header.map(inline).join(' | ')} |`, `|${record.header.map(() => ' --- |').join('')}`);
    lines.push(...record.rows.map((row) => `| ${row.map((cell) => inline(String(cell ?? ''))).join(' | ')} |`), '');
  }
  if (list.board.exportedAt !== undefined) lines.push(`_${labels.exportedAt} ${utcMinute(list.board.exportedAt)}_`, '');
  return lines.join('\n');
}

function cardLines(item: PriorityItem): string[] {
  return item.cards.flatMap((card) => [
    `  - ${inline(card.title)}`,
    ...card.body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => `    ${escapeLine(line)}`),
  ]);
}

/** User text on one line: line breaks become spaces. */
function inline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * Escapes user text so it stays text: characters that start emphasis, code, links, HTML or table cells
 * anywhere, and what opens a heading, quote, list or fence at the start of a line.
 */
function escapeLine(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^[#+\-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
