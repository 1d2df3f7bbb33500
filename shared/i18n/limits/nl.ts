import type { LimitsMessages } from './en.js';

export const nl: LimitsMessages = {
  'refusal.too-many-attempts': 'Vanaf uw netwerk zijn te veel verkeerde codes of links geprobeerd. Wacht een paar minuten en probeer het opnieuw.',
  'refusal.too-many-boards': 'Vanaf uw netwerk zijn het afgelopen uur te veel workshops aangemaakt. Probeer het later opnieuw.',
};
