import type { ReactNode } from 'react';
import { Link } from './Link';
import { LanguageSwitch } from './LanguageSwitch';
import { paths } from './router';
import { useT } from './i18n';

/** The strip on top of every screen: the product name (home) and the language switch, plus what a screen adds. */
export function TopBar({ children }: { children?: ReactNode }) {
  const t = useT();
  return (
    <header className="topbar">
      <Link href={paths.start()} className="brand">
        {t('app.name')}
      </Link>
      <div className="topbar-extra">{children}</div>
      <LanguageSwitch />
    </header>
  );
}
