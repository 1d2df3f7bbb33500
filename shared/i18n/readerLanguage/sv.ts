import type { ReaderLanguageMessages } from './en.js';

export const sv: ReaderLanguageMessages = {
  'readerLanguage.files': 'Filernas språk',
  'readerLanguage.report': 'Rapportens språk',
  'readerLanguage.workshop': 'Workshopens språk',
};
