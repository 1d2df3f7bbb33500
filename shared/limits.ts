/** Limits enforced by the server and mirrored by the client's forms. */
export const LIMITS = {
  /** Largest WebSocket frame the server accepts; a pasted image in a card body is the usual culprit. */
  maxMessageBytes: 512 * 1024,
  maxBoardTitle: 120,
  maxQuestion: 500,
  maxCardTitle: 200,
  maxClusterTitle: 80,
  maxCardsPerBoard: 2000,
  maxClustersPerBoard: 200,
  maxGroups: 12,
  maxGroupName: 60,
  maxName: 60,
  maxOrganisation: 100,
  maxParticipantsPerBoard: 1000,
  maxTextField: 500,
  /** Awareness messages a connection may send per second before extra ones are dropped. */
  awarenessPerSecond: 10,
  /** Awareness messages per second that mark a connection as hostile and close it. */
  awarenessFloodPerSecond: 100,
} as const;

/** A join code: six letters or digits, read aloud in the room and typed on phones. */
export const JOIN_CODE_PATTERN = /^[A-Z0-9]{6}$/;
