import { lazy, Suspense, useMemo, type ComponentProps } from 'react';
import { plainText } from '../../shared/boardDoc';
import { judgeRichText } from '../../shared/richText/judgeRichText';
import { useT } from '../app/i18n';
import './rich-text.css';

const RichTextEditor = lazy(() => import('./RichTextEditor'));

/**
 * The editor behind a dynamic import: TipTap is fetched the first time someone opens a card or the notes.
 * Text stored before the server judged rich text may hold what the editor does not know; the editor would
 * "repair" it by deleting, a change the server refuses from anyone but the author, so such text is shown as
 * plain words instead.
 */
export function LazyRichText(props: ComponentProps<typeof RichTextEditor>) {
  const t = useT();
  const { fragment } = props;
  const readable = useMemo(() => judgeRichText(fragment, { maxSize: Infinity, limitName: '' }).refusal === null, [fragment]);
  if (!readable) {
    return (
      <div className="rich-text-unreadable">
        <p className="hint">{t('safety.unreadable')}</p>
        <p className="rich-text plain" style={{ whiteSpace: 'pre-line' }}>
          {plainText(fragment)}
        </p>
      </div>
    );
  }
  return (
    <Suspense fallback={<p role="status">{t('detail.loading')}</p>}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}
