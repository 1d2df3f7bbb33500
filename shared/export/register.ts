import { CATALOGUES, type MessageKey } from '../i18n/index.js';
import { formatMessage, type MessageVars } from '../i18n/message.js';
import type { Language } from '../phases.js';
import type { Register, RegisterChange, RegisterItem, RegisterProgress } from '../register.js';
import type { PriorityTable } from './priorityTable.js';
import type { XlsxSheet } from './xlsx.js';

/** The register's files: a table (CSV, the XLSX's first sheet), its log (the XLSX's second), JSON and iCalendar. */

function wordsOf(language: Language) {
  return (key: MessageKey, vars?: MessageVars) => formatMessage(CATALOGUES[language][key], language, vars);
}

/** A percentage or the owner's own words, the same on the page and in every file. */
export function progressText(progress: RegisterProgress, language: Language): string {
  if (progress === null) return '';
  return typeof progress === 'number' ? wordsOf(language)('register.percent', { n: progress }) : progress;
}

const lastUpdate = (item: RegisterItem) => item.log.at(-1)?.at ?? null;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One row per priority in the agreed order, with where it came from. */
export function registerTable(register: Register): PriorityTable {
  const { language } = register.board;
  const t = wordsOf(language);
  return {
    header: [
      t('register.col.place'),
      t('register.col.priority'),
      t('register.col.owner'),
      t('register.col.status'),
      t('register.col.dropReason'),
      t('register.col.progress'),
      t('register.col.nextReview'),
      t('register.col.lastUpdate'),
      t('register.col.version'),
      t('register.col.kind'),
      t('register.col.votes'),
      t('register.col.cards'),
    ],
    rows: register.items.map((item) => {
      const updated = lastUpdate(item);
      return [
        item.position,
        item.title,
        item.owner,
        t(`register.status.${item.status}`),
        item.dropReason ?? '',
        progressText(item.progress, language),
        item.nextReview ?? '',
        updated === null ? '' : isoDay(updated),
        item.source.version,
        t(`register.originKind.${item.source.kind}`),
        item.source.votes?.total ?? null,
        item.source.cards.map((card) => card.title).join('\n'),
      ];
    }),
  };
}

/** Every dated update, oldest first: when, which priority, who, what changed, the note. */
export function registerLogTable(register: Register): PriorityTable {
  const { language } = register.board;
  const t = wordsOf(language);
  const entries = register.items.flatMap((item) => item.log.map((entry) => ({ item, entry }))).sort((a, b) => a.entry.at - b.entry.at);
  return {
    header: [t('register.col.date'), t('register.col.place'), t('register.col.priority'), t('register.col.by'), t('register.col.changes'), t('register.col.note')],
    rows: entries.map(({ item, entry }) => [
      new Date(entry.at).toISOString().slice(0, 16).replace('T', ' '),
      item.position,
      item.title,
      entry.by === 'facilitator' ? t('register.facilitator') : entry.by,
      entry.changes.map((change) => changeLine(change, language)).join('\n'),
      entry.note,
    ]),
  };
}

/** "Status: Not started → Under way", in the register's words. */
export function changeLine(change: RegisterChange, language: Language): string {
  const t = wordsOf(language);
  const value = (v: string | number | null): string => {
    if (v === null || v === '') return '–';
    if (change.field === 'status') return t(`register.status.${v as RegisterItem['status']}`);
    if (change.field === 'progress') return progressText(v, language);
    return String(v);
  };
  return t('register.changeLine', { field: t(`register.field.${change.field}`), from: value(change.from), to: value(change.to) });
}

export function registerSheets(register: Register): XlsxSheet[] {
  const t = wordsOf(register.board.language);
  const status = t('register.fromVersion', { version: register.fromVersion, date: isoDay(register.frozenAt) });
  return [
    { name: t('register.sheet.items'), status, table: registerTable(register) },
    { name: t('register.sheet.log'), status, table: registerLogTable(register) },
  ];
}

/** The register as JSON, its shape versioned by schemaVersion (docs/api.md). */
export function registerToJson(register: Register, exportedAt: number): string {
  return JSON.stringify({ ...register, exportedAt }, null, 2);
}

/**
 * The review dates as an iCalendar feed (RFC 5545): one all-day VEVENT per priority with a next review, its UID
 * stable across downloads so a calendar that subscribes moves the event instead of adding another.
 */
export function registerToICalendar(register: Register, boardId: string, exportedAt: number): string {
  const { language } = register.board;
  const t = wordsOf(language);
  const stamp = new Date(exportedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Forumboard//Follow-through register//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(register.board.title)}`];
  for (const item of register.items) {
    if (item.nextReview === null) continue;
    const day = item.nextReview.replaceAll('-', '');
    const next = new Date(Date.parse(`${item.nextReview}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const description = [
      t('register.ics.owner', { owner: item.owner }),
      `${t('register.col.status')}: ${t(`register.status.${item.status}`)}`,
      ...(item.progress === null ? [] : [`${t('register.col.progress')}: ${progressText(item.progress, language)}`]),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`register-${boardId}-${item.itemId}@forumboard`)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next}`,
      `SUMMARY:${icsText(t('register.ics.summary', { title: item.title }))}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT values. */
function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const UTF8 = new TextEncoder();

/** RFC 5545 3.1: lines longer than 75 octets go on in lines that start with a space, never inside a UTF-8 character. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = UTF8.encode(char).length;
    // The first line holds 75 octets; a continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
