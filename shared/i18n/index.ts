import type { Language } from '../phases.js';
import { en, type MessageKey as CoreKey } from './en.js';
import { nl } from './nl.js';
import { sv } from './sv.js';
import { en as resultsEn, type ResultsKey } from './results/en.js';
import { nl as resultsNl } from './results/nl.js';
import { sv as resultsSv } from './results/sv.js';
import { en as sessionEn, type SessionKey } from './session/en.js';
import { nl as sessionNl } from './session/nl.js';
import { sv as sessionSv } from './session/sv.js';

/**
 * The catalogues, one per area of the product (core: start, join, board; session: collecting, clustering,
 * notes, timer; results: voting, results, agreement, report), merged into one per language. Each area's
 * nl and sv files are typed against its en file, so a missing translation fails the type check.
 */
export type MessageKey = CoreKey | SessionKey | ResultsKey;
export type Messages = { readonly [K in MessageKey]: string };

export const CATALOGUES: Record<Language, Messages> = {
  en: { ...en, ...sessionEn, ...resultsEn },
  nl: { ...nl, ...sessionNl, ...resultsNl },
  sv: { ...sv, ...sessionSv, ...resultsSv },
};

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', sv: 'Svenska' };
