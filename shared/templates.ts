import type { BoardTemplate } from './api.js';
import { defaultGroupNames } from './groups.js';
import type { Language } from './phases.js';

/**
 * Built-in starting points for the workshops this product is for. A template fills the create form (question,
 * groups, settings) in the workshop's language; the facilitator still names the workshop and may change
 * anything before creating it. Their names are catalogue entries (`template.<id>`), so the list reads in the
 * reader's language whatever language the workshop will be in.
 */
export const TEMPLATE_IDS = ['kickoff', 'valueChain', 'steeringFollowUp'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const CONTENT: Record<TemplateId, Record<Language, { question: string; groups: string[] }>> = {
  kickoff: {
    en: { question: 'What are the biggest challenges for industry in our region in the next five years?', groups: defaultGroupNames('en') },
    nl: { question: 'Wat zijn de grootste uitdagingen voor de industrie in onze regio in de komende vijf jaar?', groups: defaultGroupNames('nl') },
    sv: { question: 'Vilka är de största utmaningarna för industrin i vår region de kommande fem åren?', groups: defaultGroupNames('sv') },
  },
  valueChain: {
    en: {
      question: 'Where in our value chain can we create more value together, and what stands in the way?',
      groups: ['Supplier', 'Manufacturer', 'Customer', 'Logistics and services', 'Knowledge institution', 'Public authority'],
    },
    nl: {
      question: 'Waar in onze waardeketen kunnen we samen meer waarde creëren, en wat staat dat in de weg?',
      groups: ['Toeleverancier', 'Producent', 'Afnemer', 'Logistiek en diensten', 'Kennisinstelling', 'Overheid'],
    },
    sv: {
      question: 'Var i vår värdekedja kan vi tillsammans skapa mer värde, och vad står i vägen?',
      groups: ['Leverantör', 'Tillverkare', 'Kund', 'Logistik och tjänster', 'Lärosäte', 'Myndighet'],
    },
  },
  steeringFollowUp: {
    en: {
      question: "Which of the agreed priorities need the steering group's decision first, and what is the next step?",
      groups: defaultGroupNames('en').slice(0, 5),
    },
    nl: {
      question: 'Welke van de afgesproken prioriteiten vragen als eerste een besluit van de stuurgroep, en wat is de volgende stap?',
      groups: defaultGroupNames('nl').slice(0, 5),
    },
    sv: {
      question: 'Vilka av de överenskomna prioriteringarna behöver styrgruppens beslut först, och vad är nästa steg?',
      groups: defaultGroupNames('sv').slice(0, 5),
    },
  },
};

// A kick-off collects openly and clusters together; a value chain writes silently first so that the big
// buyer does not set the tone; a steering group (no "other" group) follows the facilitator and takes the exports home.
const SETTINGS: Record<TemplateId, BoardTemplate['settings']> = {
  kickoff: { silentCollect: false, participantsCluster: true, participantsExport: false },
  valueChain: { silentCollect: true, participantsCluster: true, participantsExport: false },
  steeringFollowUp: { silentCollect: false, participantsCluster: false, participantsExport: true },
};

/** Templates that follow up an earlier workshop's register (shared/followUp.ts): the create form asks which. */
export function startsFromRegister(id: TemplateId | null): boolean {
  return id === 'steeringFollowUp';
}

export function builtInTemplate(id: TemplateId, language: Language): BoardTemplate {
  return { ...CONTENT[id][language], language, settings: SETTINGS[id] };
}
