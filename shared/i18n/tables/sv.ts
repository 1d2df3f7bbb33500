import type { Message } from '../message.js';
import type { TablesKey } from './en.js';

export const sv = {
  'tables.numbered': 'Bord {number}',
  'tables.yourTable': 'Ditt bord: {table}',
  'tables.yourTableHint': 'Du och de andra vid ditt bord skriver och grupperar här; de andra borden ser det inte.',
  'tables.host': 'värd',
  'tables.panel': 'Bordsgrupper',
  'tables.propose': 'Placera alla',
  'tables.byCount': 'Antal bord',
  'tables.bySize': 'Personer per bord',
  'tables.proposeHint': 'Varje intressentgrupp fördelas över borden så jämnt som rummet tillåter. Den som kommer sent placeras där den passar bäst.',
  'tables.name': 'Bordets namn',
  'tables.hostLabel': 'Värd',
  'tables.noHost': 'Ingen värd',
  'tables.moveTo': 'Flytta {name} till',
  'tables.cards': { one: '{count} kort', other: '{count} kort' },
  'tables.people': { one: '{count} person', other: '{count} personer' },
  'tables.noThemes': 'Inga teman ännu',
  'tables.merge': 'Slå ihop borden i storgruppens tavla',
  'tables.mergeHint': 'Varje kort behåller sitt bord. Kryssa i teman som är samma över borden för att slå ihop dem.',
  'tables.findAlike': 'Hitta liknande teman',
  'tables.combineAs': 'Slå ihop som',
  'tables.merged': 'Ihopslaget: {cards} kort och {themes} teman kom till storgruppens tavla.',
  'tables.end': 'Avsluta bordsrundan',
  'tables.failed': 'Borden kunde inte ändras. Försök igen.',
  'tables.showOnWall': 'Visa på väggen',
  'tables.backToMosaic': 'Tillbaka till alla bord',
  'tables.mosaic': 'Borden',
  'tables.fromTable': 'Från {table}',
  /** The report's line of the tables that raised a priority, with their card counts. */
  'tables.raisedAt': 'Väckt vid: {tables}',
  /** A table's own countdown, beside the phase's; its host and the facilitator run it. */
  /** The results' column of the tables that raised each priority. */
  'tables.raisedAtColumn': 'Väckt vid',
  'tables.timer': 'Timer för {table}',
} as const satisfies Record<TablesKey, Message>;
