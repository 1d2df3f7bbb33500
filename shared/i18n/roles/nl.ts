import type { RolesMessages } from './en.js';

export const nl: RolesMessages = {
  'role.projector': 'Projector',
  'refusal.creator-only': 'Alleen de facilitator die de workshop heeft aangemaakt kan dit doen.',
  'access.projectorsHeading': 'Projectorlinks',
  'access.projectorLink': 'Projectorlink',
  'access.noProjectors': 'Geen projectorlinks.',
  'access.coFacilitatorNote':
    'Je bent co-facilitator: je leidt de workshop. Alleen de facilitator die hem heeft aangemaakt kan links voor waarnemers en co-facilitators maken, co-facilitators intrekken of de workshop verwijderen.',
  'present.openFailed': 'De projector kon niet worden geopend. Probeer het opnieuw.',
  'present.deleted': 'Deze workshop is verwijderd.',
  'present.revoked': 'Deze projectorlink is ingetrokken. Open de projector opnieuw vanaf het scherm van de facilitator.',
};
