import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { CATALOGUES, type MessageKey } from '../../shared/i18n/index';
import { LANGUAGES, type Language } from '../../shared/phases';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  /** The reader's own pick from the language switch; it wins over any page's default for this tab. */
  choose: (language: Language) => void;
  /** A page's default (the board's language); used until the reader picks one. */
  setPageDefault: (language: Language | undefined) => void;
}

const CHOICE_KEY = 'forumboard:language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedChoice(): Language | undefined {
  try {
    const value = sessionStorage.getItem(CHOICE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<Language | undefined>(storedChoice);
  const [pageDefault, setPageDefault] = useState<Language | undefined>(undefined);
  const language = choice ?? pageDefault ?? browserLanguage();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const choose = useCallback((next: Language) => {
    setChoice(next);
    try {
      sessionStorage.setItem(CHOICE_KEY, next);
    } catch {
      // Private modes may refuse storage; the choice then lasts until reload.
    }
  }, []);

  const value = useMemo(() => ({ language, choose, setPageDefault }), [language, choose]);
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

export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>(
    (key, vars) => {
      const template = CATALOGUES[language][key];
      if (!vars) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
    [language],
  );
}
