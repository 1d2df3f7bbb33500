import { CATALOGUES } from '../i18n/index.js';
import { formatMessage } from '../i18n/message.js';
import type { Language } from '../phases.js';
import { tableLabel, type CardTable } from '../tables/seating.js';

/** The words of the exports, in the board's language. */
export interface ExportLabels {
  rank: string;
  priority: string;
  kind: string;
  theme: string;
  card: string;
  votes: string;
  balancedScore: string;
  balancedRank: string;
  consensus: string;
  contested: string;
  yes: string;
  no: string;
  owner: string;
  nextStep: string;
  cards: string;
  cardsByGroup: string;
  mergedFrom: string;
  /** The breakout tables that raised an item. */
  tables: string;
  table: (table: CardTable) => string;
  dropped: string;
  /** The column of the reason an item was dropped, in the CSV and XLSX. */
  droppedBecause: string;
  question: string;
  voters: string;
  exportedAt: string;
  /** The pseudo-group of an anonymous round's small groups; not the stakeholder group "Other". */
  otherGroups: string;
  facilitator: string;
  agreed: (version: number, frozenAt: string) => string;
  notAgreed: (roundNumber: number) => string;
  noResults: string;
  /** The status of a list that is still being edited. */
  draft: (roundNumber: number) => string;
  /** Sheet names of the XLSX export (at most 31 characters, none of : \\ / ? * [ ]). */
  listSheet: string;
  roundSheet: (roundNumber: number) => string;
  signoffSheet: string;
}

/** A table as every screen calls it (shared/tables/seating.ts), in the export's language. */
function tableName(language: Language, table: CardTable): string {
  return tableLabel(table, (number) => formatMessage(CATALOGUES[language]['tables.numbered'], language, { number }));
}

/** The bucket of an anonymous round's small groups has one name, the screen's, in every export. */
function smallerGroupsCombined(language: Language): string {
  return CATALOGUES[language]['results.otherGroups'] as string;
}

export const EXPORT_LABELS: Record<Language, ExportLabels> = {
  en: {
    rank: 'Rank',
    priority: 'Priority',
    kind: 'Type',
    theme: 'Theme',
    card: 'Card',
    votes: 'Votes',
    balancedScore: 'Balanced score',
    balancedRank: 'Balanced rank',
    consensus: 'Consensus',
    contested: 'Contested',
    yes: 'yes',
    no: 'no',
    owner: 'Owner',
    nextStep: 'Next step',
    cards: 'Cards',
    cardsByGroup: 'Cards by group',
    mergedFrom: 'Includes',
    tables: 'Tables',
    table: (table) => tableName('en', table),
    dropped: 'Dropped',
    droppedBecause: 'Dropped because',
    question: 'Question',
    voters: 'Voters',
    exportedAt: 'Exported',
    otherGroups: smallerGroupsCombined('en'),
    facilitator: 'Facilitator',
    agreed: (version, frozenAt) => `Agreed priorities, version ${version}, frozen ${frozenAt}.`,
    notAgreed: (round) => `Not agreed yet: the results of vote round ${round}.`,
    noResults: 'No vote results yet: the themes and cards as collected.',
    draft: (round) => `Draft, not frozen yet: the list as it stands, from vote round ${round}.`,
    listSheet: 'Priorities',
    roundSheet: (round) => `Round ${round}`,
    signoffSheet: 'Sign-off',
  },
  nl: {
    rank: 'Rang',
    priority: 'Prioriteit',
    kind: 'Soort',
    theme: 'Thema',
    card: 'Kaart',
    votes: 'Stemmen',
    balancedScore: 'Gebalanceerde score',
    balancedRank: 'Gebalanceerde rang',
    consensus: 'Consensus',
    contested: 'Omstreden',
    yes: 'ja',
    no: 'nee',
    owner: 'Eigenaar',
    nextStep: 'Volgende stap',
    cards: 'Kaarten',
    cardsByGroup: 'Kaarten per groep',
    mergedFrom: 'Omvat',
    tables: 'Tafels',
    table: (table) => tableName('nl', table),
    dropped: 'Afgevallen',
    droppedBecause: 'Afgevallen omdat',
    question: 'Vraag',
    voters: 'Stemmers',
    exportedAt: 'Geëxporteerd',
    otherGroups: smallerGroupsCombined('nl'),
    facilitator: 'Facilitator',
    agreed: (version, frozenAt) => `Afgesproken prioriteiten, versie ${version}, vastgelegd ${frozenAt}.`,
    notAgreed: (round) => `Nog niet afgesproken: de uitslag van stemronde ${round}.`,
    noResults: 'Nog geen stemresultaten: de thema’s en kaarten zoals verzameld.',
    draft: (round) => `Concept, nog niet vastgelegd: de lijst zoals die nu is, uit stemronde ${round}.`,
    listSheet: 'Prioriteiten',
    roundSheet: (round) => `Ronde ${round}`,
    signoffSheet: 'Akkoord',
  },
  sv: {
    rank: 'Plats',
    priority: 'Prioritering',
    kind: 'Typ',
    theme: 'Tema',
    card: 'Kort',
    votes: 'Röster',
    balancedScore: 'Balanserad poäng',
    balancedRank: 'Balanserad plats',
    consensus: 'Samsyn',
    contested: 'Omstridd',
    yes: 'ja',
    no: 'nej',
    owner: 'Ansvarig',
    nextStep: 'Nästa steg',
    cards: 'Kort',
    cardsByGroup: 'Kort per grupp',
    mergedFrom: 'Omfattar',
    tables: 'Bord',
    table: (table) => tableName('sv', table),
    dropped: 'Strukna',
    droppedBecause: 'Struken eftersom',
    question: 'Fråga',
    voters: 'Röstande',
    exportedAt: 'Exporterad',
    otherGroups: smallerGroupsCombined('sv'),
    facilitator: 'Processledare',
    agreed: (version, frozenAt) => `Överenskomna prioriteringar, version ${version}, låst ${frozenAt}.`,
    notAgreed: (round) => `Ännu inte överenskommet: resultatet av röstningsomgång ${round}.`,
    noResults: 'Inga röstresultat ännu: teman och kort som de samlades in.',
    draft: (round) => `Utkast, ännu inte låst: listan som den ser ut nu, från röstningsomgång ${round}.`,
    listSheet: 'Prioriteringar',
    roundSheet: (round) => `Omgång ${round}`,
    signoffSheet: 'Godkännande',
  },
};
