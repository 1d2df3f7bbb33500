import { z } from 'zod';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { LANGUAGES, type Language } from '../../shared/phases.js';
import curated from './concepts.json' with { type: 'json' };
import vocabulary from './vocabulary.json' with { type: 'json' };
import type { Word } from './words.js';

/**
 * The domain knowledge the clustering help ships as data (concepts.json): concepts of the forum domain with
 * their words in Dutch, Swedish and English. Cards on one theme rarely share words ("lassers", "skills
 * shortage", "kompetensbrist"); they do mention one concept, in whatever language they are written.
 */
const termsSchema = z.array(z.string().min(1)).default([]);
const conceptSchema = z
  .object({
    id: z.string().min(1),
    broader: z.string().min(1).optional(),
    label: z.object({ en: z.string().min(1), nl: z.string().min(1), sv: z.string().min(1) }),
    terms: z.object({ en: termsSchema, nl: termsSchema, sv: termsSchema }),
  })
  .strict();
const conceptFileSchema = z.object({ about: z.string(), concepts: z.array(conceptSchema) });

export type Concept = z.infer<typeof conceptSchema>;

export const CURATED_CONCEPTS: readonly Concept[] = conceptFileSchema.parse(curated).concepts;

/** Narrow things of the field (vocabulary.json: welders, electricity prices, permits…), for duplicates. */
const vocabularyFileSchema = z.object({
  about: z.string(),
  entries: z.array(z.object({ id: z.string().min(1), terms: conceptSchema.shape.terms }).strict()),
});

export type VocabularyEntry = z.infer<typeof vocabularyFileSchema>['entries'][number];

export const VOCABULARY: readonly VocabularyEntry[] = vocabularyFileSchema.parse(vocabulary).entries;

/** A board's own concept (set by its facilitator): its words count in every language, its label in all. */
export function fromBoardConcept(concept: BoardConcept, index: number): Concept {
  const terms = concept.words.map((w) => w.toLowerCase().normalize('NFC'));
  return {
    id: `board:${index}`,
    label: { en: concept.label, nl: concept.label, sv: concept.label },
    terms: { en: terms, nl: terms, sv: terms },
  };
}

/** Terms this short only match a whole word: as a prefix "it" would find "item", and "el" "elegant". */
const SHORT_TERM = 3;
/** Inside a Dutch or Swedish compound, a term must be this long to count ("tillstånd" in "miljötillstånd"). */
const INFIX_TERM = 5;

interface CompiledTerm {
  term: string;
  concept: number;
}

/**
 * The concepts, compiled for matching: per language the single-word terms, and the multi-word terms ("red
 * tape") that are looked for in the text itself. English terms apply to cards in every language, for the
 * loanwords every workshop uses ("data", "robot", "cyber").
 */
export class ConceptMatcher<C extends Pick<Concept, 'terms'> = Concept> {
  private readonly single: Record<Language, CompiledTerm[]>;
  private readonly phrases: Record<Language, CompiledTerm[]>;
  private readonly byWord = new Map<string, number[]>();

  constructor(readonly concepts: readonly C[]) {
    this.single = { en: [], nl: [], sv: [] };
    this.phrases = { en: [], nl: [], sv: [] };
    concepts.forEach((concept, index) => {
      for (const language of LANGUAGES) {
        for (const raw of concept.terms[language]) {
          const term = raw.toLowerCase().normalize('NFC');
          const target = /[\s-]/.test(term) ? this.phrases : this.single;
          target[language].push({ term, concept: index });
        }
      }
    });
  }

  /** Indexes of the concepts the card mentions, in the concept list's order. */
  match(text: string, words: readonly Word[], language: Language): number[] {
    const found = new Set<number>(this.phrasesIn(text, language));
    for (const { surface } of words) for (const concept of this.conceptsOfWord(surface, language)) found.add(concept);
    return [...found].sort((a, b) => a - b);
  }

  /** The concepts whose terms of several words ("red tape") the text holds. */
  phrasesIn(text: string, language: Language): number[] {
    const found: number[] = [];
    const lower = ` ${text.toLowerCase().normalize('NFC').replace(/\s+/g, ' ')} `;
    for (const list of language === 'en' ? [this.phrases.en] : [this.phrases[language], this.phrases.en]) {
      for (const { term, concept } of list) if (lower.includes(` ${term}`)) found.push(concept);
    }
    return found;
  }

  /** The concepts one word (as written, lower-cased) names. */
  conceptsOfWord(word: string, language: Language): number[] {
    const key = `${language}:${word}`;
    const known = this.byWord.get(key);
    if (known) return known;
    const found: number[] = [];
    for (const { term, concept } of this.single[language]) if (termMatches(word, term, language !== 'en')) found.push(concept);
    if (language !== 'en') for (const { term, concept } of this.single.en) if (termMatches(word, term, false)) found.push(concept);
    if (this.byWord.size < WORD_CACHE_LIMIT) this.byWord.set(key, found);
    return found;
  }
}

/** A board repeats its words: each word is looked up against the terms once per language. */
const WORD_CACHE_LIMIT = 50_000;

function termMatches(word: string, term: string, compounds: boolean): boolean {
  if (term.length <= SHORT_TERM) return word === term;
  if (word.startsWith(term)) return true;
  return compounds && term.length >= INFIX_TERM && word.includes(term);
}
