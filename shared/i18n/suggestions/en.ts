import type { Message } from '../message.js';

/** English strings of the clustering help: suggested themes, their preview, and duplicate cards. */
export const en = {
  'suggest.open': 'Suggest themes',
  'suggest.heading': 'Suggested themes',
  'suggest.loading': 'Looking for themes among the cards not in a theme yet…',
  'suggest.intro': 'Nothing changes until you apply. Accept or reject each suggestion; rename a new theme if its name does not fit.',
  'suggest.none': 'No suggestions: the cards not in a theme yet do not fit together, or every card is in a theme.',
  'suggest.existingTheme': 'Into the theme “{title}”',
  'suggest.themeGone': 'The theme was removed meanwhile; these cards stay where they are.',
  'suggest.titleLabel': 'Name of the new theme',
  'suggest.cardCount': { one: '{count} card', other: '{count} cards' },
  'suggest.accept': 'Accept',
  'suggest.reject': 'Reject',
  'suggest.acceptLabel': 'Accept the suggestion {title}',
  'suggest.rejectLabel': 'Reject the suggestion {title}',
  'suggest.acceptAll': 'Accept all',
  'suggest.rejectAll': 'Reject all',
  'suggest.apply': { one: 'Apply {count} accepted suggestion', other: 'Apply {count} accepted suggestions' },
  'suggest.cancel': 'Close without changes',
  'suggest.stale': 'changed or moved since the suggestion: stays where it is',
  'suggest.staleCount': { one: '{count} card was changed or moved since the suggestion and will stay where it is.', other: '{count} cards were changed or moved since the suggestion and will stay where they are.' },
  'suggest.full': 'The board holds as many themes as it may: only suggestions for existing themes can be applied.',
  'suggest.titleMissing': 'A new theme needs a name.',
  'suggest.applied': { one: 'Suggestions applied: {count} card moved', other: 'Suggestions applied: {count} cards moved' },
  'suggest.appliedSkipped': {
    one: 'Suggestions applied: {count} card moved, {skipped} left where it was because it changed meanwhile',
    other: 'Suggestions applied: {count} cards moved, {skipped} left where they were because they changed meanwhile',
  },
  'suggest.duplicates': {
    one: '{count} pair of cards says nearly the same: it is marked on the cards, with “Merge these cards”, which keeps both texts and both authors.',
    other: '{count} pairs of cards say nearly the same: they are marked on the cards, with “Merge these cards”, which keeps both texts and both authors.',
  },
  'suggest.duplicatesMore': {
    one: '{count} more pair, less alike, is not marked.',
    other: '{count} more pairs, less alike, are not marked.',
  },
  'dupPair.badge': 'Like “{title}”',
  'dupPair.label': 'This card says nearly the same as “{title}”',
  'dupPair.merge': 'Merge these cards',
  'dupPair.mergeLabel': 'Merge “{title}” and “{other}”',
  'dupPair.merged': 'Merged with “{title}”',
  'dupPair.mergedNotice': 'Merged “{title}” and “{other}”',
  'dupPair.unmerge': 'Separate',
  'dupPair.unmergeLabel': 'Separate “{title}” from “{other}”',
  // The server could not compute suggestions now (busy with other boards, or its engine restarted).
  'refusal.suggestions-unavailable': 'Suggestions cannot be computed right now. Please try again in a moment.',
  'refusal.suggestions-too-large': 'This board has too much text for suggestions.',
} as const satisfies Record<string, Message>;

export type SuggestionsKey = keyof typeof en;
export type SuggestionsMessages = { readonly [K in SuggestionsKey]: Message };
