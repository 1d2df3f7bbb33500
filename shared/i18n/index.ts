import type { Language } from '../phases.js';
import { en, type Messages } from './en.js';
import { nl } from './nl.js';
import { sv } from './sv.js';

export type { MessageKey, Messages } from './en.js';

export const CATALOGUES: Record<Language, Messages> = { en, nl, sv };

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', sv: 'Svenska' };
