import type { Message } from '../message.js';

/** English strings of the reader's language for files and the printed report (the workshop's by default). */
export const en = {
  'readerLanguage.files': 'Language of the files',
  'readerLanguage.report': 'Language of the report',
  'readerLanguage.workshop': "The workshop's language",
} as const satisfies Record<string, Message>;

export type ReaderLanguageKey = keyof typeof en;
export type ReaderLanguageMessages = { readonly [K in ReaderLanguageKey]: Message };
