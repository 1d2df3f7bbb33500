import type { BoardFirstMessages } from './en.js';

export const nl: BoardFirstMessages = {
  'tools.open': 'Workshopinstrumenten',
  'tools.heading': 'Workshopinstrumenten',
  'tools.close': 'Sluiten',
  'board.mainLabel': 'Het bord',
  'vote.itemsHeading': { one: 'Er wordt gestemd over {count} punt', other: 'Er wordt gestemd over {count} punten' },
  'vote.itemTheme': 'thema',
  'vote.itemCard': 'kaartje',
  'results.scrollHint': 'Breder dan het scherm: veeg opzij om alle kolommen te zien →',
};
