import { useCallback, useState, type FormEvent } from 'react';
import type { ForumCreated } from '../../shared/forum';
import { createForum, fetchBoardForum } from '../api/serverApi';
import { CopyField } from '../app/CopyField';
import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { PanelReadWhenOpened, useServerRead } from '../kernel/commands/PanelReadWhenOpened';
import { useCommand } from '../kernel/commands/useCommand';
import { heldForumToken, saveForumToken } from '../session/tokens';

/** From a workshop's facilitator tools: the forum it belongs to, or a new forum started from it. */
export function ForumEntry({ title }: { title: string }) {
  const t = useT();
  const { boardId, token } = useBoard();
  const read = useCallback(() => fetchBoardForum(boardId, token), [boardId, token]);
  const { value, reload, ...load } = useServerRead(read);
  const [name, setName] = useState(title);
  const [created, setCreated] = useState<ForumCreated | null>(null);
  const create = useCommand();
  const forum = value?.forum ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run(async () => {
      const made = await createForum(token, { name, boardId });
      saveForumToken(made.forumId, made.token);
      setCreated(made);
      reload();
    });
  };

  return (
    <PanelReadWhenOpened className="forum-entry" heading={t('forum.entry')} onOpen={reload}>
      <p className="muted">{t('forum.entryHint')}</p>
      {created && (
        <>
          <p role="status">{t('forum.entryCreated')}</p>
          <CopyField label={t('forum.newLink')} value={created.link} />
        </>
      )}
      {forum ? (
        <>
          <p>{t('forum.entryIn', { name: forum.name })}</p>
          {heldForumToken(forum.forumId) ? <Link href={paths.forum(forum.forumId)}>{t('forum.entryOpen')}</Link> : <p className="hint block">{t('forum.entryNeedsLink')}</p>}
        </>
      ) : (
        value && (
          <form onSubmit={submit}>
            <label htmlFor="forum-entry-name">{t('forum.entryName')}</label>
            <div className="button-row">
              <input id="forum-entry-name" value={name} maxLength={120} required onChange={(e) => setName(e.target.value)} />
              <button type="submit" className="primary" disabled={create.busy}>
                {t('forum.entryCreate')}
              </button>
            </div>
          </form>
        )
      )}
      <CommandError failed={load.failed || create.failed} refusal={create.refusal ?? load.refusal} fallback={t('error.generic')} />
    </PanelReadWhenOpened>
  );
}
