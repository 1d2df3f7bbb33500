import type { ReaderLanguageMessages } from './en.js';

export const nl: ReaderLanguageMessages = {
  'readerLanguage.files': 'Taal van de bestanden',
  'readerLanguage.report': 'Taal van het rapport',
  'readerLanguage.workshop': 'De taal van de workshop',
};
