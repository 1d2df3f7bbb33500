import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, type MessageKey } from '../../shared/i18n/index';
import { formatMessage } from '../../shared/i18n/message';
import { LANGUAGES, type Language } from '../../shared/phases';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  /**
   * The locale for dates, times, numbers and plurals: the browser's own tag when it is in the interface's
   * language (an en-GB reader gets 21:33 and 1 December 2026, an en-US reader 9:33 PM), else the language.
   */
  locale: string;
  /** The reader's own pick from the language switch; it wins over any page's default for this tab. */
  choose: (language: Language) => void;
  /** A page's default (the board's language); used until the reader picks one. */
  setPageDefault: (language: Language | undefined) => void;
}

const CHOICE_KEY = 'forumboard:language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const browserTags = (): readonly string[] => navigator.languages ?? [navigator.language];

/** The first of the browser's preferred languages that we have, if any. */
function browserLanguage(): Language | undefined {
  for (const tag of browserTags()) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return undefined;
}

function localeFor(language: Language): string {
  return browserTags().find((tag) => tag.slice(0, 2).toLowerCase() === language) ?? language;
}

function storedChoice(): Language | undefined {
  try {
    const value = localStorage.getItem(CHOICE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<Language | undefined>(storedChoice);
  const [pageDefault, setPageDefault] = useState<Language | undefined>(undefined);
  // A person's own pick, else their browser's language when we have it, else the board's language.
  const language = choice ?? browserLanguage() ?? pageDefault ?? 'en';
  const locale = useMemo(() => localeFor(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const choose = useCallback((next: Language) => {
    setChoice(next);
    try {
      localStorage.setItem(CHOICE_KEY, next);
    } catch {
      // Private modes may refuse storage; the choice then lasts until reload.
    }
  }, []);

  const value = useMemo(() => ({ language, locale, choose, setPageDefault }), [language, locale, choose]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** Makes `language` the default of the current page (a board's or join code's language) while it is shown. */
export function usePageLanguage(language: Language | undefined): void {
  const { setPageDefault } = useLanguage();
  useEffect(() => {
    setPageDefault(language);
    return () => setPageDefault(undefined);
  }, [language, setPageDefault]);
}

/**
 * A part of the page told in another language than the interface: the report in the language its reader
 * picked. Words, plurals, dates and numbers inside all follow `language`; the caller sets the `lang` attribute.
 */
export function LanguageScope({ language, children }: { language: Language; children: ReactNode }) {
  const outer = useLanguage();
  const locale = useMemo(() => localeFor(language), [language]);
  const value = useMemo(() => ({ ...outer, language, locale }), [outer, language, locale]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useT(): Translate {
  const { language, locale } = useLanguage();
  return useCallback<Translate>((key, vars) => formatMessage(CATALOGUES[language][key], locale, vars), [language, locale]);
}
