import { StemmerEn } from '@nlpjs/lang-en';
import { StemmerNl } from '@nlpjs/lang-nl';
import { StemmerSv } from '@nlpjs/lang-sv';
import { eng, nld, swe } from 'stopword';
import type { Language } from '../../shared/phases.js';

/**
 * A card's words, per language: lower-cased, split at anything that is not a letter or a digit, stop words
 * dropped, each word with its Snowball stem. The surface form stays beside the stem, because compound words
 * ("kompetensbrist", "netcapaciteit") are matched by their parts, and titles are written in whole words.
 */
export interface Word {
  /** The word as written, lower-cased. */
  surface: string;
  stem: string;
}

const STEMMERS: Record<Language, { stemWord(word: string): string }> = {
  en: new StemmerEn(),
  nl: new StemmerNl(),
  sv: new StemmerSv(),
};

/** The packages' lists, plus the words every workshop card leans on and that tell nothing about its theme. */
const WORKSHOP_FILLER: Record<Language, string[]> = {
  en: ['need', 'needs', 'more', 'less', 'too', 'enough', 'lack', 'lacking', 'shortage', 'shortages', 'hard', 'difficult', 'better', 'small', 'firms', 'companies', 'company', 'region', 'regional'],
  nl: ['nodig', 'meer', 'minder', 'te', 'tekort', 'gebrek', 'moeilijk', 'beter', 'kleine', 'bedrijven', 'bedrijf', 'regio', 'regionale', 'kmo', "kmo's"],
  sv: ['behöver', 'behov', 'fler', 'mer', 'mindre', 'för', 'brist', 'saknas', 'saknar', 'svårt', 'bättre', 'små', 'företag', 'företagen', 'regionen', 'länet'],
};

export const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set([...eng, ...WORKSHOP_FILLER.en]),
  nl: new Set([...nld, ...WORKSHOP_FILLER.nl]),
  sv: new Set([...swe, ...WORKSHOP_FILLER.sv]),
};

/** Every token of the text, stop words included: what the language detector counts. */
export function tokens(text: string): string[] {
  // One apostrophe for all: "kmo’s" and "kmo's" are the same word.
  return text.normalize('NFC').toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

/** The words that carry meaning, with their stems; numbers and one-letter tokens say nothing about a theme. */
export function words(text: string, language: Language): Word[] {
  const stop = STOP_WORDS[language];
  const out: Word[] = [];
  for (const token of tokens(text)) {
    if (token.length < 2 || stop.has(token) || /^\p{N}+$/u.test(token)) continue;
    out.push({ surface: token, stem: stem(token, language) });
  }
  return out;
}

export function stem(word: string, language: Language): string {
  return STEMMERS[language].stemWord(word);
}

/**
 * Character n-grams of a word, for compounds: "kompetensbrist" and "kompetensförsörjning" share "komp", "ompe",
 * … although neither stem equals the other. Only words long enough to be compounds give n-grams.
 */
export function charGrams(word: string, size = 4, minLength = 7): string[] {
  if (word.length < minLength) return [];
  const out: string[] = [];
  for (let i = 0; i + size <= word.length; i++) out.push(word.slice(i, i + size));
  return out;
}
