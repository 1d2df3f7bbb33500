import { describe, expect, it } from 'vitest';
import { createBoardBody } from './api.js';
import { LANGUAGES } from './phases.js';
import { builtInTemplate, TEMPLATE_IDS } from './templates.js';

describe('the built-in templates', () => {
  for (const id of TEMPLATE_IDS) {
    for (const language of LANGUAGES) {
      it(`${id} in ${language} is a workshop the server accepts, in its own language`, () => {
        const template = builtInTemplate(id, language);
        const body = { title: 'Kick-off', question: template.question, language, groups: template.groups, settings: template.settings };
        expect(createBoardBody.safeParse(body).success).toBe(true);
        expect(template.language).toBe(language);
        expect(new Set(template.groups.map((g) => g.toLocaleLowerCase())).size).toBe(template.groups.length);
      });
    }
  }

  it('differ between languages, so a Dutch forum never starts from English text', () => {
    for (const id of TEMPLATE_IDS) {
      const questions = LANGUAGES.map((language) => builtInTemplate(id, language).question);
      expect(new Set(questions).size).toBe(LANGUAGES.length);
    }
  });
});
