import { describe, expect, it } from 'vitest';
import { ConceptMatcher, CURATED_CONCEPTS } from './concepts.js';
import { detectLanguage, languageOf } from './languageOf.js';
import { charGrams, stem, words } from './words.js';

const stems = (text: string, language: 'en' | 'nl' | 'sv') => words(text, language).map((w) => w.stem);
const matcher = new ConceptMatcher(CURATED_CONCEPTS);
const conceptsOf = (text: string, language: 'en' | 'nl' | 'sv') => matcher.match(text, words(text, language), language).map((i) => CURATED_CONCEPTS[i].id);

describe('words per language', () => {
  it('drops English stop words and reduces inflections to one stem', () => {
    expect(stems('The welders are hard to find', 'en')).toEqual(['welder', 'find']);
    expect(stem('permits', 'en')).toBe(stem('permit', 'en'));
    expect(stem('housing', 'en')).toBe(stem('houses', 'en'));
  });

  it('stems Dutch plurals and derivations together', () => {
    expect(stems('Vergunningen duren te lang', 'nl')).toEqual([stem('vergunning', 'nl'), 'dur', 'lang']);
    expect(stem('opleidingen', 'nl')).toBe(stem('opleiding', 'nl'));
    expect(stem('lassers', 'nl')).toBe(stem('lasser', 'nl'));
  });

  it('stems Swedish plurals and definite forms together', () => {
    expect(stem('elpriser', 'sv')).toBe(stem('elpris', 'sv'));
    expect(stem('utbildningarna', 'sv')).toBe(stem('utbildning', 'sv'));
    // Snowball leaves the neuter "-et" on: "elpriset" meets "elpriser" through its n-grams instead.
    expect(stem('elpriset', 'sv')).not.toBe(stem('elpris', 'sv'));
    expect(charGrams('elpriset').filter((g) => charGrams('elpriser').includes(g))).toEqual(['elpr', 'lpri', 'pris', 'rise']);
    expect(stems('Det är svårt att rekrytera svetsare', 'sv')).toEqual([stem('rekrytera', 'sv'), stem('svetsare', 'sv')]);
  });

  it('splits at punctuation and hyphens, and keeps letters outside ASCII', () => {
    expect(words('CNC-operatörer, 24/7!', 'sv').map((w) => w.surface)).toEqual(['cnc', 'operatörer']);
    expect(words('Kmo’s en STEM-richtingen', 'nl').map((w) => w.surface)).toEqual(['stem', 'richtingen']);
  });

  it('gives long compounds character n-grams, so their parts meet other words', () => {
    const shared = (a: string, b: string) => charGrams(a).filter((g) => charGrams(b).includes(g));
    expect(shared('kompetensbrist', 'kompetensförsörjning')).toEqual(['komp', 'ompe', 'mpet', 'pete', 'eten', 'tens']);
    expect(shared('netcapaciteit', 'capaciteitsproblemen')).toContain('capa');
    expect(charGrams('elpris')).toEqual([]);
  });
});

describe('concepts across words and languages', () => {
  it('finds a concept inside Dutch and Swedish compounds', () => {
    expect(conceptsOf('Kompetensbrist i hela branschen', 'sv')).toContain('recruitment');
    expect(conceptsOf('Långa handläggningstider för miljötillstånd', 'sv')).toContain('permits');
    expect(conceptsOf('Netcapaciteit voor elektrificatie', 'nl')).toContain('energy');
    expect(conceptsOf('Afvalstromen als grondstof', 'nl')).toContain('circular');
  });

  it('links cards in three languages to one concept', () => {
    expect(conceptsOf('Svårt att rekrytera svetsare', 'sv')).toContain('recruitment');
    expect(conceptsOf('Te weinig technici', 'nl')).toContain('recruitment');
    expect(conceptsOf('Skills shortage everywhere', 'en')).toContain('recruitment');
  });

  it('matches short terms only as whole words', () => {
    expect(conceptsOf('Höga priser på el', 'sv')).toContain('energy');
    expect(conceptsOf('Elegant design säljer', 'sv')).not.toContain('energy');
  });
});

describe('the language of a card', () => {
  it('is read from the text when its stop words tell', () => {
    expect(detectLanguage('Het is moeilijk om lassers te vinden')).toBe('nl');
    expect(detectLanguage('Det är svårt att hitta svetsare')).toBe('sv');
    expect(detectLanguage('It is hard to find welders')).toBe('en');
    expect(detectLanguage('Höga elpriser')).toBe('sv');
    expect(detectLanguage('Företagens kompetensförsörjning')).toBe('sv');
  });

  it('does not take a Dutch diaeresis for a Swedish letter', () => {
    expect(detectLanguage('Betere coördinatie')).toBeNull();
    expect(languageOf('Coöperatie tussen bedrijven', 'en', 'sv')).toBe('nl');
  });

  it("falls back to the author's language, then the workshop's", () => {
    expect(detectLanguage('Netcapaciteit')).toBeNull();
    expect(languageOf('Netcapaciteit', 'nl', 'en')).toBe('nl');
    expect(languageOf('Netcapaciteit', null, 'sv')).toBe('sv');
  });
});
