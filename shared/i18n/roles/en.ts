/** English strings of roles with edges: the projector link, what a co-facilitator may not do. */
export const en = {
  'role.projector': 'Projector',
  'refusal.creator-only': 'Only the facilitator who created the workshop can do this.',
  'access.projectorsHeading': 'Projector links',
  'access.projectorLink': 'Projector link',
  'access.noProjectors': 'No projector links.',
  'access.coFacilitatorNote':
    'You are a co-facilitator: you run the workshop. Only the facilitator who created it can make observer and co-facilitator links, revoke co-facilitators or delete the workshop.',
  'present.openFailed': 'The projector could not be opened. Please try again.',
  'present.deleted': 'This workshop was deleted.',
  'present.revoked': 'This projector link was revoked. Open the projector again from the facilitator’s screen.',
} as const;

export type RolesKey = keyof typeof en;
export type RolesMessages = { readonly [K in RolesKey]: string };
