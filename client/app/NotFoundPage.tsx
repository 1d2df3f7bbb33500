import { useT } from './i18n';
import { Link } from './Link';
import { paths } from './router';
import { TopBar } from './TopBar';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <Link href={paths.start()}>{t('notFound.home')}</Link>
        </p>
      </main>
    </>
  );
}
