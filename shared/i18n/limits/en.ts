/** English strings of the limits on abuse: what a person sees when their address has tried too often. */
export const en = {
  'refusal.too-many-attempts': 'Too many wrong codes or links were tried from your network. Please wait a moment and try again.',
  'refusal.too-many-joins': 'Many people have joined this workshop from your network in the last hour. Please ask the facilitator to let more join from it.',
  'refusal.too-busy': 'The server is busy with many requests just now. Please try again in a few seconds.',
  'refusal.too-many-boards': 'Too many workshops were created from your network in the last hour. Please try again later.',
} as const satisfies Record<string, string>;

export type LimitsKey = keyof typeof en;
export type LimitsMessages = { readonly [K in LimitsKey]: string };
