import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../phases.js';
import { CATALOGUES } from './index.js';
import { formatMessage, type Message } from './message.js';

const placeholders = (message: Message) =>
  new Set(Object.values(typeof message === 'string' ? { other: message } : message).flatMap((text) => text.match(/\{\w+\}/g) ?? []));

describe('the catalogues', () => {
  const english = CATALOGUES.en;

  for (const language of LANGUAGES) {
    const catalogue = CATALOGUES[language];
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

    it(`${language} has every key of en and no other`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    });

    it(`${language} gives every count the plural forms its language needs`, () => {
      for (const [key, message] of Object.entries(catalogue)) {
        const plural = typeof english[key as keyof typeof english] !== 'string' || typeof message !== 'string';
        if (!plural) continue;
        expect(typeof message, `${key} has plural forms in en, so needs them in ${language}`).toBe('object');
        const forms = Object.keys(message as object);
        for (const category of categories) expect(forms, `${language} ${key} lacks the "${category}" form`).toContain(category);
      }
    });

    it(`${language} uses the placeholders of en`, () => {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(placeholders(message), `${language} ${key}`).toEqual(placeholders(english[key as keyof typeof english]));
      }
    });
  }
});

describe('a count', () => {
  it('reads "1 card" and "2 cards", "1 kaartje" and "2 kaartjes"', () => {
    expect(formatMessage(CATALOGUES.en['cluster.cardCount'], 'en-GB', { count: 1 })).toBe('1 card');
    expect(formatMessage(CATALOGUES.en['cluster.cardCount'], 'en-GB', { count: 2 })).toBe('2 cards');
    expect(formatMessage(CATALOGUES.nl['cluster.cardCount'], 'nl', { count: 1 })).toBe('1 kaartje');
    expect(formatMessage(CATALOGUES.nl['cluster.cardCount'], 'nl', { count: 0 })).toBe('0 kaartjes');
  });
});
