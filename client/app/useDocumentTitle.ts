import { useEffect } from 'react';
import { useT } from './i18n';

/** "Screen – Forumboard" in the tab title, in the reader's language. */
export function useDocumentTitle(title: string) {
  const t = useT();
  const full = title ? `${title} – ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = full;
  }, [full]);
}
