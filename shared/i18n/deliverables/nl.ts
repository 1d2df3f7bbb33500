import type { DeliverablesMessages } from './en.js';

export const nl: DeliverablesMessages = {
  'downloads.xlsx': 'Excel (XLSX)',
  'downloads.scope': 'De laatst vastgelegde lijst; zolang er geen is, het concept zoals het nu is (gemarkeerd als niet vastgelegd), of anders de laatste uitslag; vóór de eerste ronde, de kaartjes en thema’s die er tot nu toe zijn.',

  'agree.tableCaption': 'Prioriteiten in de afgesproken volgorde, met de cijfers van ronde {number}',
  'agree.place': 'Plaats',
  'agree.order': 'Volgorde',
  'agree.actions': 'Laten vallen of samenvoegen',
  'agree.wordingOf': 'Formulering van prioriteit {place}',
  'agree.ownerOf': 'Eigenaar van prioriteit {place}',
  'agree.nextStepOf': 'Volgende stap van prioriteit {place}',
  'agree.freezeConfirm': 'De lijst vastleggen als versie {version}? De vastgelegde versie en haar downloads veranderen niet meer; je kunt verder bewerken en opnieuw vastleggen.',
  'agree.freezeYes': 'Ja, versie {version} vastleggen',
  'agree.frozenNotice': 'Versie {version} is vastgelegd. De downloads staan hieronder en veranderen niet meer.',
  'agree.draftNotice': 'Tot je de lijst vastlegt, bevat elke download dit concept zoals het nu is, gemarkeerd als niet vastgelegd.',

  'report.draft': 'Concept, nog niet vastgelegd: de lijst zoals die nu is, uit stemronde {number}.',
  'report.definitionsHeading': 'Wat de cijfers betekenen',
  'report.dotsExplained': 'Stemmen: alle stippen die het punt kreeg, met ernaast de stippen per belanghebbende groep.',
  'report.roundingExplained': 'Scores en consensus zijn percentages, afgerond op één decimaal: hetzelfde op het scherm, in dit rapport en in elke download.',
  'report.showCards': 'Toon de teksten van de kaartjes onder elke prioriteit',
  'report.cardsOf': 'Kaartjes van {title}',

  'silent.ownCount': 'Je privékaartjes: {count}',
  'silent.allCount': 'Privékaartjes tot nu toe: {count}',
  'silent.boardEmpty': 'Nog geen kaartjes op het bord: ze verschijnen zodra de facilitator ze onthult.',
  'silent.draftsHint': 'Elke auteur ziet hier ook de eigen kaartjes; iedereen ziet ze zodra je ze onthult.',

  'status.phaseChanged': 'Door naar stap {n} van {total}: {phase}.',
  'status.roundOpened': 'Ronde {number} is geopend: deelnemers kunnen hun stippen plaatsen.',
  'status.roundClosed': 'Ronde {number} is gesloten: er kunnen geen stippen meer bij.',
  'status.roundRevealed': 'De uitslag van ronde {number} is onthuld: iedereen ziet de resultaten.',
  'status.settingsSaved': 'Instellingen opgeslagen.',
  'status.cardsRevealed': 'De stille kaartjes staan nu voor iedereen op het bord.',
};
