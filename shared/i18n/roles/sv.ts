import type { RolesMessages } from './en.js';

export const sv: RolesMessages = {
  'role.projector': 'Projektor',
  'refusal.creator-only': 'Bara processledaren som skapade workshoppen kan göra detta.',
  'refusal.too-many-links': 'Workshoppen har så många länkar den kan ha. Återkalla först en som inte längre behövs.',
  'access.projectorsHeading': 'Projektorlänkar',
  'access.projectorLink': 'Projektorlänk {n}',
  'access.noProjectors': 'Inga projektorlänkar.',
  'access.coFacilitatorNote':
    'Du är medprocessledare: du leder workshoppen. Bara processledaren som skapade den kan skapa länkar för observatörer och medprocessledare, återkalla medprocessledare eller radera workshoppen.',
  'present.openFailed': 'Projektorn kunde inte öppnas. Försök igen.',
  'refusal.history-point-gone': 'Den punkten finns inte längre i tavlans historik. Välj en senare.',
  'history.heading': 'Tavlans historik',
  'history.hint': 'Ångra allas ändringar: ställ tillbaka korten och teman som de var efter en tidigare ändring. Alla ser det direkt, och att återställa punkten före tar tillbaka det. Anteckningarna förblir som de är.',
  'history.point': 'Ändring {seq} · kort: {cards}, sammanslagna: {merged}, i teman: {themed}, teman: {themes}',
  'history.now': 'nu',
  'history.kept': 'sparad sedan tidigare',
  'history.restore': 'Återställ',
  'history.restoreLabel': 'Återställ tavlan som den var efter ändring {seq}',
  'history.restored': 'Tavlan är tillbaka som den var efter ändring {seq}.',
  'history.empty': 'Ingen tidigare punkt ännu.',
  'history.failed': 'Historiken kunde inte läsas. Försök igen.',
  'present.deleted': 'Workshoppen har raderats.',
  'present.revoked': 'Projektorlänken har återkallats. Öppna projektorn igen från processledarens skärm.',
};
