import type { LimitsMessages } from './en.js';

export const sv: LimitsMessages = {
  'refusal.too-many-attempts': 'För många felaktiga koder eller länkar har provats från ditt nätverk. Vänta en stund och försök igen.',
  'refusal.too-many-joins': 'Många har redan gått med i den här workshoppen från ditt nätverk den senaste timmen. Be facilitatorn att släppa in fler från nätverket.',
  'refusal.too-busy': 'Servern har många förfrågningar att hantera just nu. Försök igen om några sekunder.',
  'refusal.too-many-boards': 'För många workshoppar har skapats från ditt nätverk den senaste timmen. Försök igen senare.',
};
