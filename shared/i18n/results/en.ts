/** English strings of the results screens; nl.ts and sv.ts are typed against these keys. */
export const en = {
} as const;

export type ResultsKey = keyof typeof en;
export type ResultsMessages = { readonly [K in ResultsKey]: string };
