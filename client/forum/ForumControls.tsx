import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { workshopLinkParts, type ForumLink, type ForumView, type NewForumLink } from '../../shared/forum';
import { addForumWorkshop, fetchForumLinks, mintForumLink, removeForumWorkshop, renameForum, revokeForumLink } from '../api/serverApi';
import { CopyField } from '../app/CopyField';
import { describeFailure } from '../app/describeFailure';
import { useLanguage, useT } from '../app/i18n';

/** The forum facilitator's panel: its name, adding a workshop by its link, removing one, the read links. */
export function ForumControls({ view, token, reload }: { view: ForumView; token: string; reload: () => Promise<void> }) {
  const t = useT();
  const { locale } = useLanguage();
  const [name, setName] = useState(view.name);
  const [workshopLink, setWorkshopLink] = useState('');
  const [links, setLinks] = useState<ForumLink[]>([]);
  const [fresh, setFresh] = useState<NewForumLink | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const loadLinks = useCallback(
    () => fetchForumLinks(view.forumId, token).then(setLinks, (failure: unknown) => setOutcome({ at: 'links', text: describeFailure(failure, t), failed: true })),
    [view.forumId, token, t],
  );
  useEffect(() => void loadLinks(), [loadLinks]);

  const act = async (at: Place, work: () => Promise<unknown>, done: string) => {
    setOutcome(null);
    try {
      await work();
      await Promise.all([reload(), loadLinks()]);
      setOutcome({ at, text: done, failed: false });
    } catch (failure) {
      setOutcome({ at, text: describeFailure(failure, t), failed: true });
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    void act('name', () => renameForum(view.forumId, token, name), t('forum.renamed'));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const parts = workshopLinkParts(workshopLink);
    if (!parts) return setOutcome({ at: 'add', text: t('forum.notALink'), failed: true });
    void act('add', async () => {
      await addForumWorkshop(view.forumId, token, parts);
      setWorkshopLink('');
    }, t('forum.added'));
  };
  const made = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="forum-section forum-controls panel" aria-labelledby="forum-controls">
      <h2 id="forum-controls">{t('forum.controls')}</h2>
      <form className="forum-form" onSubmit={rename}>
        <label htmlFor="forum-name">{t('forum.name')}</label>
        <div className="button-row">
          <input id="forum-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          <button type="submit">{t('forum.rename')}</button>
        </div>
        <OutcomeAt at="name" outcome={outcome} />
      </form>
      <form className="forum-form" onSubmit={add}>
        <label htmlFor="forum-add">{t('forum.addWorkshopLink')}</label>
        <p className="hint block">{t('forum.addWorkshopHint')}</p>
        <div className="button-row">
          <input id="forum-add" value={workshopLink} onChange={(e) => setWorkshopLink(e.target.value)} autoComplete="off" />
          <button type="submit">{t('forum.add')}</button>
        </div>
        <OutcomeAt at="add" outcome={outcome} />
      </form>
      <ul className="forum-list">
        {view.workshops.map((w) => (
          <li key={w.boardId}>
            <span>{w.title}</span>
            <button type="button" onClick={() => act('workshops', () => removeForumWorkshop(view.forumId, token, w.boardId), t('forum.removed'))}>
              {t('forum.remove', { title: w.title })}
            </button>
          </li>
        ))}
      </ul>
      <OutcomeAt at="workshops" outcome={outcome} />
      <h3>{t('forum.readLinks')}</h3>
      <p className="hint block">{t('forum.readLinksHint')}</p>
      <button type="button" onClick={() => act('links', async () => setFresh(await mintForumLink(view.forumId, token)), '')}>
        {t('forum.makeReadLink')}
      </button>
      {fresh && <CopyField label={t('forum.newLink')} value={fresh.link} />}
      {links.length > 0 && (
        <ul className="forum-list">
          {links.map((link) => (
            <li key={link.id}>
              <span>{t('forum.linkMade', { date: made.format(new Date(link.createdAt)) })}</span>
              <button
                type="button"
                aria-label={`${t('forum.revoke')}: ${t('forum.linkMade', { date: made.format(new Date(link.createdAt)) })}`}
                onClick={() => act('links', () => revokeForumLink(view.forumId, token, link.id), '')}
              >
                {t('forum.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <OutcomeAt at="links" outcome={outcome} />
    </section>
  );
}

type Place = 'name' | 'add' | 'workshops' | 'links';
interface Outcome {
  at: Place;
  text: string;
  failed: boolean;
}

/** What the last action did, said next to the control that did it: a success politely, a failure at once. */
function OutcomeAt({ at, outcome }: { at: Place; outcome: Outcome | null }) {
  const here = outcome?.at === at ? outcome : null;
  return (
    <>
      <p className="command-status" role="status">
        {here && !here.failed ? here.text : ''}
      </p>
      {here?.failed && (
        <p className="form-error" role="alert">
          {here.text}
        </p>
      )}
    </>
  );
}
