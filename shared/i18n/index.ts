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
import { en as peopleEn, type PeopleKey } from './people/en.js';
import { nl as peopleNl } from './people/nl.js';
import { sv as peopleSv } from './people/sv.js';
import { en as limitsEn, type LimitsKey } from './limits/en.js';
import { nl as limitsNl } from './limits/nl.js';
import { sv as limitsSv } from './limits/sv.js';
import { en as lifecycleEn, type LifecycleKey } from './lifecycle/en.js';
import { nl as lifecycleNl } from './lifecycle/nl.js';
import { sv as lifecycleSv } from './lifecycle/sv.js';
import { en as deliverablesEn, type DeliverablesKey } from './deliverables/en.js';
import { nl as deliverablesNl } from './deliverables/nl.js';
import { sv as deliverablesSv } from './deliverables/sv.js';
import { en as roomEn, type RoomKey } from './room/en.js';
import { nl as roomNl } from './room/nl.js';
import { sv as roomSv } from './room/sv.js';
import { en as privacyEn, type PrivacyKey } from './privacy/en.js';
import { nl as privacyNl } from './privacy/nl.js';
import { sv as privacySv } from './privacy/sv.js';
import { en as safetyEn, type SafetyKey } from './safety/en.js';
import { nl as safetyNl } from './safety/nl.js';
import { sv as safetySv } from './safety/sv.js';
import { en as readerLanguageEn, type ReaderLanguageKey } from './readerLanguage/en.js';
import { nl as readerLanguageNl } from './readerLanguage/nl.js';
import { sv as readerLanguageSv } from './readerLanguage/sv.js';
import { en as boardFirstEn, type BoardFirstKey } from './boardFirst/en.js';
import { nl as boardFirstNl } from './boardFirst/nl.js';
import { sv as boardFirstSv } from './boardFirst/sv.js';
import { en as suggestionsEn, type SuggestionsKey } from './suggestions/en.js';
import { nl as suggestionsNl } from './suggestions/nl.js';
import { sv as suggestionsSv } from './suggestions/sv.js';
import { en as rolesEn, type RolesKey } from './roles/en.js';
import { nl as rolesNl } from './roles/nl.js';
import { sv as rolesSv } from './roles/sv.js';
import { en as reactionsEn, type ReactionsKey } from './reactions/en.js';
import { nl as reactionsNl } from './reactions/nl.js';
import { sv as reactionsSv } from './reactions/sv.js';
import { en as registerEn, type RegisterKey } from './register/en.js';
import { nl as registerNl } from './register/nl.js';
import { sv as registerSv } from './register/sv.js';
import { en as signoffEn, type SignoffKey } from './signoff/en.js';
import { nl as signoffNl } from './signoff/nl.js';
import { sv as signoffSv } from './signoff/sv.js';
import { en as tablesEn, type TablesKey } from './tables/en.js';
import { nl as tablesNl } from './tables/nl.js';
import { sv as tablesSv } from './tables/sv.js';
import { en as followUpEn, type FollowUpKey } from './followUp/en.js';
import { nl as followUpNl } from './followUp/nl.js';
import { sv as followUpSv } from './followUp/sv.js';
import { en as forumEn, type ForumKey } from './forum/en.js';
import { nl as forumNl } from './forum/nl.js';
import { sv as forumSv } from './forum/sv.js';
import type { Message } from './message.js';

/**
 * The catalogues, one per area of the product (core: start, join, board; session: collecting, clustering,
 * notes, timer; results: voting, results, agreement, report; lifecycle: my workshops, templates, editing,
 * closing; deliverables: the agree table, freezing, the report; privacy: per-person figures, small groups; readerLanguage: the language of files and the report; suggestions: the clustering help; roles: the projector link and a co-facilitator's edges; reactions: +1s, comments, the questions round; register: the follow-through register; forum: a forum of workshops; signoff: delegates' sign-off; tables: breakout tables; followUp: a follow-up workshop's progress check), merged into one per language. Each area's
 * nl and sv files are typed against its en file, so a missing translation fails the type check.
 */
export type MessageKey = CoreKey | LimitsKey | SessionKey | ResultsKey | LifecycleKey | DeliverablesKey | PeopleKey | RoomKey | PrivacyKey | SafetyKey | ReaderLanguageKey | BoardFirstKey | SuggestionsKey | RolesKey | ReactionsKey | RegisterKey | SignoffKey | TablesKey | ForumKey | FollowUpKey;
export type Messages = { readonly [K in MessageKey]: Message };

export const CATALOGUES: Record<Language, Messages> = {
  en: { ...en, ...limitsEn, ...sessionEn, ...resultsEn, ...lifecycleEn, ...deliverablesEn, ...peopleEn, ...roomEn, ...privacyEn, ...safetyEn, ...readerLanguageEn, ...boardFirstEn, ...suggestionsEn, ...rolesEn, ...reactionsEn, ...registerEn, ...signoffEn, ...tablesEn, ...forumEn, ...followUpEn },
  nl: { ...nl, ...limitsNl, ...sessionNl, ...resultsNl, ...lifecycleNl, ...deliverablesNl, ...peopleNl, ...roomNl, ...privacyNl, ...safetyNl, ...readerLanguageNl, ...boardFirstNl, ...suggestionsNl, ...rolesNl, ...reactionsNl, ...registerNl, ...signoffNl, ...tablesNl, ...forumNl, ...followUpNl },
  sv: { ...sv, ...limitsSv, ...sessionSv, ...resultsSv, ...lifecycleSv, ...deliverablesSv, ...peopleSv, ...roomSv, ...privacySv, ...safetySv, ...readerLanguageSv, ...boardFirstSv, ...suggestionsSv, ...rolesSv, ...reactionsSv, ...registerSv, ...signoffSv, ...tablesSv, ...forumSv, ...followUpSv },
};

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands', sv: 'Svenska' };
