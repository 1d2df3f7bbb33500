import type { LimitsMessages } from './en.js';

export const sv: LimitsMessages = {
  'refusal.too-many-attempts': 'För många felaktiga koder eller länkar har provats från ditt nätverk. Vänta några minuter och försök igen.',
  'refusal.too-many-boards': 'För många workshoppar har skapats från ditt nätverk den senaste timmen. Försök igen senare.',
};
