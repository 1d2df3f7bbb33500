/** English strings of roles with edges: the projector link, what a co-facilitator may not do, the board history. */
export const en = {
  'role.projector': 'Projector',
  'refusal.creator-only': 'Only the facilitator who created the workshop can do this.',
  'refusal.too-many-links': 'This workshop has as many links as it can hold. Revoke one you no longer need first.',
  'access.projectorsHeading': 'Projector links',
  'access.projectorLink': 'Projector link {n}',
  'access.noProjectors': 'No projector links.',
  'access.coFacilitatorNote':
    'You are a co-facilitator: you run the workshop. Only the facilitator who created it can make observer and co-facilitator links, revoke co-facilitators or delete the workshop.',
  'present.openFailed': 'The projector could not be opened. Please try again.',
  'refusal.history-point-gone': 'That point is no longer in the board history. Choose a later one.',
  'history.heading': 'Board history',
  'history.hint': 'Undo anyone’s changes: put the cards and themes back as they were after an earlier change. Everyone sees it at once, and restoring the point before it takes it back. The notes stay as they are.',
  'history.point': 'Change {seq} · cards: {cards}, merged: {merged}, in themes: {themed}, themes: {themes}',
  'history.now': 'now',
  'history.kept': 'kept from earlier',
  'history.restore': 'Restore',
  'history.restoreLabel': 'Restore the board as it was after change {seq}',
  'history.restored': 'The board is back as it was after change {seq}.',
  'history.empty': 'No earlier point yet.',
  'history.failed': 'The history could not be read. Please try again.',
  'present.deleted': 'This workshop was deleted.',
  'present.revoked': 'This projector link was revoked. Open the projector again from the facilitator’s screen.',
} as const;

export type RolesKey = keyof typeof en;
export type RolesMessages = { readonly [K in RolesKey]: string };
