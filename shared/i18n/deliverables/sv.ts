import type { DeliverablesMessages } from './en.js';

export const sv: DeliverablesMessages = {
  'downloads.xlsx': 'Excel (XLSX)',
  'downloads.scope': 'Den senast låsta listan; innan någon är låst, utkastet som det ser ut nu (märkt som inte låst), annars det senaste resultatet; före första omgången, korten och temana som samlats hittills.',

  'agree.tableCaption': 'Prioriteringar i överenskommen ordning, med siffrorna från omgång {number}',
  'agree.place': 'Plats',
  'agree.order': 'Ordning',
  'agree.actions': 'Stryk eller slå ihop',
  'agree.wordingOf': 'Formulering av prioritering {place}',
  'agree.ownerOf': 'Ansvarig för prioritering {place}',
  'agree.nextStepOf': 'Nästa steg för prioritering {place}',
  'agree.freezeConfirm': 'Lås listan som version {version}? Den låsta versionen och dess nedladdningar ändras inte; du kan fortsätta redigera och låsa igen.',
  'agree.freezeYes': 'Ja, lås version {version}',
  'agree.frozenNotice': 'Version {version} är låst. Nedladdningarna finns nedan och ändras inte.',
  'agree.draftNotice': 'Tills du låser listan innehåller varje nedladdning detta utkast som det ser ut nu, märkt som inte låst.',

  'report.draft': 'Utkast, ännu inte låst: listan som den ser ut nu, från röstningsomgång {number}.',
  'report.definitionsHeading': 'Vad siffrorna betyder',
  'report.dotsExplained': 'Röster: alla prickar som punkten fick, och bredvid dem prickarna från varje intressentgrupp.',
  'report.roundingExplained': 'Poäng och samsyn är procent avrundade till en decimal, likadant på skärmen, i den här rapporten och i varje nedladdning.',
  'report.showCards': 'Visa korttexterna under varje prioritering',
  'report.cardsOf': 'Kort för {title}',

  'silent.ownCount': 'Dina privata kort: {count}',
  'silent.allCount': 'Privata kort hittills: {count}',
  'silent.boardEmpty': 'Inga kort på tavlan än: de visas när processledaren visar dem.',
  'silent.draftsHint': 'Varje författare ser också sina egna kort här; alla ser dem när du visar dem.',

  'status.phaseChanged': 'Nu i steg {n} av {total}: {phase}.',
  'status.roundOpened': 'Omgång {number} är öppen: deltagarna kan placera sina prickar.',
  'status.roundClosed': 'Omgång {number} är stängd: inga fler prickar kan placeras.',
  'status.roundRevealed': 'Resultatet av omgång {number} är visat: alla ser det nu.',
  'status.settingsSaved': 'Inställningarna är sparade.',
  'status.cardsRevealed': 'De tysta korten ligger nu på tavlan för alla.',
};
