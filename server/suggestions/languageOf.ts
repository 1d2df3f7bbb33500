import type { Language } from '../../shared/phases.js';
import { LANGUAGES } from '../../shared/phases.js';
import { STOP_WORDS, tokens } from './words.js';

/**
 * The language a card is written in, when its text tells: the language whose stop words make up the largest
 * share of the card's tokens, if at least one is found and no other language ties. Swedish letters (å, ä, ö)
 * count as a stop word for Swedish, since short cards ("Höga elpriser") often have no stop word at all.
 * Null when the text does not tell; the caller falls back to the author's or the workshop's language.
 */
export function detectLanguage(text: string): Language | null {
  const all = tokens(text);
  if (all.length === 0) return null;
  const scores = LANGUAGES.map((language) => {
    let hits = 0;
    for (const token of all) if (STOP_WORDS[language].has(token) && !sharedStopWord(token)) hits++;
    if (language === 'sv' && hasSwedishLetter(text)) hits++;
    return { language, hits };
  }).sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  return best.hits > 0 && best.hits > second.hits ? best.language : null;
}

/**
 * å, ä or ö. Dutch writes ö too, as a diaeresis after a vowel ("coördinatie", "coöperatie"), where Swedish
 * hardly ever has it, so an ö after a vowel does not count.
 */
function hasSwedishLetter(text: string): boolean {
  const lower = text.toLowerCase();
  return /[åä]/.test(lower) || /(^|[^aeiouy])ö/.test(lower);
}

/** A token that is a stop word in more than one of the languages ("in", "van"/"en", "man") tells nothing. */
function sharedStopWord(token: string): boolean {
  let count = 0;
  for (const language of LANGUAGES) if (STOP_WORDS[language].has(token)) count++;
  return count > 1;
}

/** The card's own language if its text tells, else its author's interface language, else the workshop's. */
export function languageOf(text: string, authorLanguage: Language | null, workshopLanguage: Language): Language {
  return detectLanguage(text) ?? authorLanguage ?? workshopLanguage;
}
