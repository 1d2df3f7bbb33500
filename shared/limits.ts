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
  /** Characters of a card's rich-text body (every node counts as one): a few pages, not a document. */
  maxCardBody: 10_000,
  /** Characters of the facilitator's notes, counted like a card body. */
  maxNotes: 100_000,
  /**
   * Nesting of rich-text nodes below a body or the notes. Ten levels of lists inside quotes fit easily; deeper
   * trees only come from crafted updates, and every reader's editor and the server's walks pay for depth.
   */
  maxRichTextDepth: 32,
  /**
   * The board's stored size budget: characters of all card bodies and the notes together. Bodies and notes
   * are what makes a board big in storage and in the download every newcomer waits for.
   */
  maxBoardContent: 1_000_000,
  maxGroups: 12,
  maxGroupName: 60,
  maxName: 60,
  maxOrganisation: 100,
  maxParticipantsPerBoard: 1000,
  /** Breakout tables a board is split into at most: a hall of a thousand at tables of twenty-five. */
  maxTablesPerBoard: 40,
  maxTableName: 60,
  /** Cards one table's board holds: a table of ten writing for an hour, with room to spare. */
  maxCardsPerTable: 300,
  /** Observer, projector and co-facilitator links a board holds at once; a revoked link frees its place. */
  maxLinksPerBoard: 100,
  maxTextField: 500,
  /** Delegates named to sign for one stakeholder group. */
  maxDelegatesPerGroup: 10,
  /** Duplicate pairs a suggestions answer lists at most, the most alike first. */
  maxDuplicatePairs: 200,
  /** A comment on a card: a line or two, read on a phone. */
  maxCommentText: 280,
  maxCommentsPerCard: 50,
  maxCommentsPerBoard: 2000,
  /**
   * +1 marks one person holds at once, on cards and plenary questions together (one per card or question):
   * the server keeps a count per person, so checking a mark costs the same however many there are.
   */
  maxReactionsPerPerson: 500,
  /** A question to the plenary: read out from the wall. */
  maxPlenaryQuestion: 200,
  maxQuestionsPerPerson: 10,
  maxQuestionsPerBoard: 300,
  /**
   * Changes of its own presence a connection may make per second; one over it waits until the allowance has
   * renewed (the newest is kept). The board sends at most one every 500 ms (which card its person is typing in).
   */
  awarenessPerSecond: 2,
  /** Changes of its own presence per second that mark a connection as hostile and close it. */
  awarenessFloodPerSecond: 100,
  /**
   * Presence messages of any kind a connection may send per second (a stock client passes on every presence
   * message it hears, and the server sends at most four a second); more are dropped unread.
   */
  awarenessMessagesPerSecond: 200,
} as const;

/** A join code: six letters or digits, read aloud in the room and typed on phones. */
export const JOIN_CODE_PATTERN = /^[A-Z0-9]{6}$/;
