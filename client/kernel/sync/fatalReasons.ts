/** Closes after which reconnecting cannot help: the person needs a new invitation. */
export const FATAL_REASONS = ['invalidToken', 'unknownBoard', 'forbidden', 'removed', 'revoked', 'deleted'] as const;
export type FatalReason = (typeof FATAL_REASONS)[number];
