import { useId } from 'react';
import { LANGUAGE_NAMES } from '../../shared/i18n/index';
import { LANGUAGES, type Language } from '../../shared/phases';
import { useLanguage, useT } from './i18n';

export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const { language, choose } = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={language} onChange={(e) => choose(e.target.value as Language)}>
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
