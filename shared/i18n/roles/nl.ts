import type { RolesMessages } from './en.js';

export const nl: RolesMessages = {
  'role.projector': 'Projector',
  'refusal.creator-only': 'Alleen de facilitator die de workshop heeft aangemaakt kan dit doen.',
  'refusal.too-many-links': 'Deze workshop heeft het maximale aantal links. Trek eerst een link in die je niet meer nodig hebt.',
  'access.projectorsHeading': 'Projectorlinks',
  'access.projectorLink': 'Projectorlink {n}',
  'access.noProjectors': 'Geen projectorlinks.',
  'access.coFacilitatorNote':
    'Je bent co-facilitator: je leidt de workshop. Alleen de facilitator die hem heeft aangemaakt kan links voor waarnemers en co-facilitators maken, co-facilitators intrekken of de workshop verwijderen.',
  'present.openFailed': 'De projector kon niet worden geopend. Probeer het opnieuw.',
  'refusal.history-point-gone': 'Dat punt staat niet meer in de geschiedenis van het bord. Kies een later punt.',
  'history.heading': 'Geschiedenis van het bord',
  'history.hint': 'Maak ieders wijzigingen ongedaan: zet de kaarten en thema’s terug zoals ze waren na een eerdere wijziging. Iedereen ziet het meteen, en het punt ervoor terugzetten draait het terug. De notities blijven zoals ze zijn.',
  'history.point': 'Wijziging {seq} · kaarten: {cards}, samengevoegd: {merged}, in thema’s: {themed}, thema’s: {themes}',
  'history.now': 'nu',
  'history.kept': 'eerder bewaard',
  'history.restore': 'Terugzetten',
  'history.restoreLabel': 'Zet het bord terug zoals het was na wijziging {seq}',
  'history.restored': 'Het bord is terug zoals het was na wijziging {seq}.',
  'history.empty': 'Nog geen eerder punt.',
  'history.failed': 'De geschiedenis kon niet worden gelezen. Probeer het opnieuw.',
  'present.deleted': 'Deze workshop is verwijderd.',
  'present.revoked': 'Deze projectorlink is ingetrokken. Open de projector opnieuw vanaf het scherm van de facilitator.',
};
