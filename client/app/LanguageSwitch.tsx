import { LANGUAGE_NAMES } from '../../shared/i18n/index';
import { LANGUAGES, type Language } from '../../shared/phases';
import { useLanguage, useT } from './i18n';

export function LanguageSwitch() {
  const t = useT();
  const { language, choose } = useLanguage();
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
