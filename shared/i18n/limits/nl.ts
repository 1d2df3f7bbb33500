import type { LimitsMessages } from './en.js';

export const nl: LimitsMessages = {
  'refusal.too-many-attempts': 'Vanaf uw netwerk zijn te veel verkeerde codes of links geprobeerd. Wacht even en probeer het opnieuw.',
  'refusal.too-many-joins': 'Vanaf uw netwerk zijn het afgelopen uur al veel mensen aan deze workshop deelgenomen. Vraag de facilitator om meer deelnemers vanaf dit netwerk toe te laten.',
  'refusal.too-busy': 'De server is op dit moment druk met veel verzoeken. Probeer het over een paar seconden opnieuw.',
  'refusal.too-many-boards': 'Vanaf uw netwerk zijn het afgelopen uur te veel workshops aangemaakt. Probeer het later opnieuw.',
};
