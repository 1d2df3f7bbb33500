/**
 * WebSocket close codes the server sends and the client acts on: the 1000s are the protocol's own, the 4000s
 * are Forumboard's (4xxx mirrors the HTTP status of the same meaning where there is one).
 */
export const CLOSE = {
  invalidPayload: 1007,
  policy: 1008,
  tooBig: 1009,
  /** The server could not process or store a change: its own fault, logged; the client may try again. */
  serverError: 1011,
  /** The instance is shutting down (a deploy): reconnect at once, the balancer sends the client to another. */
  serviceRestart: 1012,
  busy: 1013,
  invalidToken: 4401,
  forbidden: 4403,
  /** The facilitator deleted the board (or retention did): stop, nothing is left to open. */
  boardDeleted: 4410,
  /** The facilitator removed this participant: stop. */
  removed: 4411,
  /** The facilitator revoked the link this connection was opened with: stop. */
  revoked: 4412,
  /** The person's name, organisation or group was corrected, or they were let in to vote: reconnect, to be introduced by the new details. */
  identityChanged: 4000,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
