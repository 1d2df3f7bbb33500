import type { PrivacyMessages } from './en.js';

export const nl: PrivacyMessages = {
  'perPerson.heading': 'Stippen per persoon',
  'perPerson.caption': 'Stippen die elke persoon gaf, per punt',
  'perPerson.hint': 'Deze ronde was op naam: deze tabel is alleen voor facilitators. Deelnemers, waarnemers en downloads zien alleen de cijfers per groep.',
  'perPerson.person': 'Persoon',
  'perPerson.unknown': 'Vertrokken deelnemer',
  'results.onlyTotals': 'Te weinig stemmers om een groep apart te tonen zonder de stippen van een kleine groep te verraden: dit zijn de cijfers van iedereen samen.',
};
