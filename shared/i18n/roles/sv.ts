import type { RolesMessages } from './en.js';

export const sv: RolesMessages = {
  'role.projector': 'Projektor',
  'refusal.creator-only': 'Bara processledaren som skapade workshoppen kan göra detta.',
  'access.projectorsHeading': 'Projektorlänkar',
  'access.projectorLink': 'Projektorlänk',
  'access.noProjectors': 'Inga projektorlänkar.',
  'access.coFacilitatorNote':
    'Du är medprocessledare: du leder workshoppen. Bara processledaren som skapade den kan skapa länkar för observatörer och medprocessledare, återkalla medprocessledare eller radera workshoppen.',
  'present.openFailed': 'Projektorn kunde inte öppnas. Försök igen.',
  'present.deleted': 'Workshoppen har raderats.',
  'present.revoked': 'Projektorlänken har återkallats. Öppna projektorn igen från processledarens skärm.',
};
