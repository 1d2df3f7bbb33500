import { lazy, Suspense, type ComponentProps } from 'react';
import { useT } from '../../app/i18n';

const RichTextEditor = lazy(() => import('./RichTextEditor'));

/** The editor behind a dynamic import: TipTap is fetched the first time someone opens a card or the notes. */
export function LazyRichText(props: ComponentProps<typeof RichTextEditor>) {
  const t = useT();
  return (
    <Suspense fallback={<p role="status">{t('detail.loading')}</p>}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
