/** English strings of the deliverables: the agree table, freezing, the report's definitions and card texts, silent-collect counts, and the status lines that say a command was done. */
export const en = {
  'downloads.xlsx': 'Excel (XLSX)',
  'downloads.scope': 'The latest frozen list; before any is frozen, the draft as it stands (marked as not frozen), or else the latest results; before any round, the cards and themes collected so far.',

  'agree.tableCaption': 'Priorities in the agreed order, with the figures of round {number}',
  'agree.place': 'Place',
  'agree.order': 'Order',
  'agree.actions': 'Drop or merge',
  'agree.wordingOf': 'Wording of priority {place}',
  'agree.ownerOf': 'Owner of priority {place}',
  'agree.nextStepOf': 'Next step of priority {place}',
  'agree.freezeConfirm': 'Freeze the list as version {version}? The frozen version and its downloads will not change; you can keep editing and freeze again.',
  'agree.freezeYes': 'Yes, freeze version {version}',
  'agree.frozenNotice': 'Version {version} frozen. Its downloads are below and will not change.',
  'agree.draftNotice': 'Until you freeze it, every download carries this draft as it stands, marked as not frozen.',

  'report.draft': 'Draft, not frozen yet: the list as it stands, from vote round {number}.',
  'report.definitionsHeading': 'What the figures mean',
  'report.dotsExplained': 'Dots: all dots the item received, with the dots of each stakeholder group beside them.',
  'report.roundingExplained': 'Scores and consensus are percentages rounded to one decimal, the same on screen, in this report and in every download.',
  'report.showCards': 'Show the card texts under each priority',
  'report.cardsOf': 'Cards of {title}',

  'silent.ownCount': 'Your private cards: {count}',
  'silent.allCount': 'Private cards so far: {count}',
  'silent.boardEmpty': 'No cards on the board yet: they appear when the facilitator reveals them.',
  'silent.draftsHint': 'Each author sees their own cards here too; everyone sees them once you reveal them.',

  'status.phaseChanged': 'Moved to step {n} of {total}: {phase}.',
  'status.roundOpened': 'Round {number} is open: participants can place their dots.',
  'status.roundClosed': 'Round {number} is closed: no more dots can be placed.',
  'status.roundRevealed': 'Round {number} is revealed: everyone sees the results.',
  'status.settingsSaved': 'Settings saved.',
  'status.cardsRevealed': 'The silent cards are now on the board for everyone.',
} as const;

export type DeliverablesKey = keyof typeof en;
export type DeliverablesMessages = { readonly [K in DeliverablesKey]: string };
