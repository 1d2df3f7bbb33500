import type { PrivacyMessages } from './en.js';

export const sv: PrivacyMessages = {
  'perPerson.heading': 'Prickar per person',
  'perPerson.caption': 'Prickar som varje person gav, per punkt',
  'perPerson.hint': 'Den här omgången var med namn: tabellen visas bara för processledare. Deltagare, observatörer och nedladdningar ser bara siffrorna per grupp.',
  'perPerson.person': 'Person',
  'perPerson.unknown': 'Deltagare som har lämnat',
  'results.onlyTotals': 'För få röstande för att visa någon grupp för sig utan att röja en liten grupps prickar: detta är allas siffror tillsammans.',
};
