import type { PrivacyMessages } from './en.js';

export const nl: PrivacyMessages = {
  'perPerson.heading': 'Stippen per persoon',
  'perPerson.caption': 'Stippen die elke persoon gaf, per punt',
  'perPerson.hint':
    'Deze ronde was op naam, niet anoniem: de uitslag bevat de stippen van elke persoon. Deze tabel staat alleen op het scherm van de facilitator, maar iedereen met een link naar het bord kan de uitslag lezen waar ze uit komt.',
  'perPerson.person': 'Persoon',
  'perPerson.unknown': 'Vertrokken deelnemer',
  'results.onlyTotals': 'Te weinig stemmers om een groep apart te tonen zonder de stippen van een kleine groep te verraden: dit zijn de cijfers van iedereen samen.',
};
