import type { PrivacyMessages } from './en.js';

export const sv: PrivacyMessages = {
  'perPerson.heading': 'Prickar per person',
  'perPerson.caption': 'Prickar som varje person gav, per punkt',
  'perPerson.hint':
    'Den här omgången var med namn, inte anonym: resultatet innehåller varje persons prickar. Tabellen visas bara på processledarens skärm, men alla med en länk till tavlan kan läsa resultatet den kommer från.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Deltagare som har lämnat',
  'results.onlyTotals': 'För få röstande för att visa någon grupp för sig utan att röja en liten grupps prickar: detta är allas siffror tillsammans.',
};
