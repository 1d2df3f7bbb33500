import { useId, type ReactNode } from 'react';
import { LANGUAGE_NAMES } from '../../shared/i18n/index';
import { LANGUAGES, type Language } from '../../shared/phases';
import { useLanguage, useT } from './i18n';

export function LanguageSwitch() {
  const t = useT();
  const { language, choose } = useLanguage();
  return <LanguageSelect label={t('language.label')} value={language} onChange={(value) => choose(value as Language)} />;
}

interface LanguageSelectProps {
  label: string;
  /** Where several choices share a label (one per download row), the name that tells them apart. */
  accessibleName?: string;
  value: string;
  onChange: (value: string) => void;
  /** Options before the languages, such as "the workshop's language". */
  children?: ReactNode;
}

/** A labelled choice of language: the interface's, a file's or the report's. */
export function LanguageSelect({ label, accessibleName, value, onChange, children }: LanguageSelectProps) {
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-label={accessibleName}>
        {children}
        <LanguageOptions />
      </select>
    </div>
  );
}

/** One option per language, each named in itself. */
export function LanguageOptions() {
  return LANGUAGES.map((code) => (
    <option key={code} value={code} lang={code}>
      {LANGUAGE_NAMES[code]}
    </option>
  ));
}
