import type { Message } from '../message.js';

/** English strings of breakout tables: seating, a table's board, the tables at a glance, the merge. */
export const en = {
  'tables.numbered': 'Table {number}',
  'tables.yourTable': 'Your table: {table}',
  'tables.yourTableHint': 'You and the others at your table write and cluster here; the other tables do not see it.',
  'tables.host': 'host',
  'tables.panel': 'Breakout tables',
  'tables.propose': 'Seat everyone',
  'tables.byCount': 'Number of tables',
  'tables.bySize': 'People per table',
  'tables.proposeHint': 'Each stakeholder group is spread over the tables as evenly as the room allows. Late-comers are seated where they fit best.',
  'tables.name': 'Name of the table',
  'tables.hostLabel': 'Host',
  'tables.noHost': 'No host',
  'tables.moveTo': 'Move {name} to',
  'tables.cards': { one: '{count} card', other: '{count} cards' },
  'tables.people': { one: '{count} person', other: '{count} people' },
  'tables.noThemes': 'No themes yet',
  'tables.merge': 'Merge the tables into the plenary',
  'tables.mergeHint': 'Every card keeps its table. Tick the themes that are one across tables to combine them.',
  'tables.findAlike': 'Find alike themes',
  'tables.combineAs': 'Combine as',
  'tables.merged': 'Merged: {cards} cards and {themes} themes arrived on the plenary board.',
  'tables.end': 'End the table round',
  'tables.failed': 'The tables could not be changed. Please try again.',
  'tables.showOnWall': 'Show on the wall',
  'tables.backToMosaic': 'Back to the mosaic',
  'tables.mosaic': 'The tables',
  'tables.fromTable': 'From {table}',
  /** The report's line of the tables that raised a priority, with their card counts. */
  'tables.raisedAt': 'Raised at: {tables}',
  /** A table's own countdown, beside the phase's; its host and the facilitator run it. */
  /** The results' column of the tables that raised each priority. */
  'tables.raisedAtColumn': 'Raised at',
  'tables.timer': 'Timer of {table}',
} as const satisfies Record<string, Message>;

export type TablesKey = keyof typeof en;
