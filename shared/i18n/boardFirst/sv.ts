import type { BoardFirstMessages } from './en.js';

export const sv: BoardFirstMessages = {
  'tools.open': 'Workshopverktyg',
  'tools.heading': 'Workshopverktyg',
  'tools.close': 'Stäng',
  'board.mainLabel': 'Tavlan',
  'vote.itemsHeading': { one: 'Omröstning om {count} punkt', other: 'Omröstning om {count} punkter' },
  'vote.itemTheme': 'tema',
  'vote.itemCard': 'kort',
  'results.scrollHint': 'Bredare än skärmen: svep i sidled för att se alla kolumner →',
};
