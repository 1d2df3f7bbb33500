/** English strings of the session screens; nl.ts and sv.ts are typed against these keys. */
export const en = {
} as const;

export type SessionKey = keyof typeof en;
export type SessionMessages = { readonly [K in SessionKey]: string };
