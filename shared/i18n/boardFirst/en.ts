import type { Message } from '../message.js';

/** English strings of the facilitator's board-first screen: the workshop tools drawer and the board's region. */
export const en = {
  'tools.open': 'Workshop tools',
  'tools.heading': 'Workshop tools',
  'tools.close': 'Close',
  'board.mainLabel': 'The board',
  'vote.itemsHeading': { one: 'Voting on {count} item', other: 'Voting on {count} items' },
  'vote.itemTheme': 'theme',
  'vote.itemCard': 'card',
  'results.scrollHint': 'Wider than the screen: swipe sideways to see every column →',
} as const satisfies Record<string, Message>;

export type BoardFirstKey = keyof typeof en;
export type BoardFirstMessages = { readonly [K in BoardFirstKey]: Message };
