import type { Message } from '../message.js';
import type { TablesKey } from './en.js';

export const nl = {
  'tables.numbered': 'Tafel {number}',
  'tables.yourTable': 'Jouw tafel: {table}',
  'tables.yourTableHint': 'Jij en de anderen aan je tafel schrijven en clusteren hier; de andere tafels zien het niet.',
  'tables.host': 'gastheer/-vrouw',
  'tables.panel': 'Tafelgroepen',
  'tables.propose': 'Iedereen indelen',
  'tables.byCount': 'Aantal tafels',
  'tables.bySize': 'Mensen per tafel',
  'tables.proposeHint': 'Elke stakeholdergroep wordt zo gelijk als de zaal toelaat over de tafels verdeeld. Laatkomers komen waar ze het best passen.',
  'tables.name': 'Naam van de tafel',
  'tables.hostLabel': 'Gastheer/-vrouw',
  'tables.noHost': 'Geen gastheer/-vrouw',
  'tables.moveTo': '{name} verplaatsen naar',
  'tables.cards': { one: '{count} kaart', other: '{count} kaarten' },
  'tables.people': { one: '{count} persoon', other: '{count} personen' },
  'tables.noThemes': 'Nog geen thema’s',
  'tables.merge': 'Tafels samenvoegen in het plenaire bord',
  'tables.mergeHint': 'Elke kaart houdt haar tafel. Vink de thema’s aan die over tafels heen één zijn om ze samen te voegen.',
  'tables.findAlike': 'Gelijke thema’s zoeken',
  'tables.combineAs': 'Samenvoegen als',
  'tables.merged': 'Samengevoegd: {cards} kaarten en {themes} thema’s staan op het plenaire bord.',
  'tables.end': 'Tafelronde beëindigen',
  'tables.failed': 'De tafels konden niet worden gewijzigd. Probeer het opnieuw.',
  'tables.showOnWall': 'Toon op de muur',
  'tables.backToMosaic': 'Terug naar alle tafels',
  'tables.mosaic': 'De tafels',
  'tables.fromTable': 'Van {table}',
  /** The report's line of the tables that raised a priority, with their card counts. */
  'tables.raisedAt': 'Ingebracht aan: {tables}',
  /** A table's own countdown, beside the phase's; its host and the facilitator run it. */
  /** The results' column of the tables that raised each priority. */
  'tables.raisedAtColumn': 'Ingebracht aan',
  'tables.timer': 'Timer van {table}',
} as const satisfies Record<TablesKey, Message>;
