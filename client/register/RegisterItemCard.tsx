import { useState } from 'react';
import { isOverdue, mayUpdateItem, type RegisterItem, type RegisterReader } from '../../shared/register';
import { changeLine, progressText } from '../../shared/export/register';
import { useLanguage, useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';
import { useDayFormat } from './formats';
import { ItemUpdateForm, type SaveItemUpdate } from './ItemUpdateForm';

interface Props {
  save: SaveItemUpdate;
  item: RegisterItem;
  reader: RegisterReader;
  today: string;
  /** Outside its owner's group (among the overdue reviews), the card names its owner. */
  showOwner: boolean;
  /** One below the heading the card sits under, so a screen reader's outline has no gaps. */
  headingLevel: 3 | 4;
  onSaved: () => Promise<void>;
}

/** One priority: status, progress, next review and last update at a glance; where it came from and its log below. */
export function RegisterItemCard({ save, item, reader, today, showOwner, headingLevel, onSaved }: Props) {
  const Heading = `h${headingLevel}` as const;
  const Subheading = `h${headingLevel + 1}` as 'h4' | 'h5';
  const t = useT();
  const { language } = useLanguage();
  const day = useDayFormat();
  const { dateTime } = useFormats();
  const [editing, setEditing] = useState(false);
  const overdue = isOverdue(item, today);
  const last = item.log.at(-1);
  const { source } = item;
  return (
    <article className={`register-item status-${item.status}${overdue ? ' overdue' : ''}`} aria-labelledby={`item-${item.itemId}`}>
      <div className="register-item-head">
        <span className="register-place">{t('register.place', { place: item.position })}</span>
        <span className={`status-chip status-${item.status}`}>{t(`register.status.${item.status}`)}</span>
      </div>
      <Heading id={`item-${item.itemId}`} className="register-item-title">
        {item.title}
      </Heading>
      {showOwner && <p className="register-owner-line">{t('register.linkOwner', { owner: item.owner || t('register.noOwner') })}</p>}
      {item.dropReason && <p className="register-dropped">{t('register.droppedBecause', { reason: item.dropReason })}</p>}
      <dl className="register-facts">
        <div>
          <dt>{t('register.progress')}</dt>
          <dd>
            {typeof item.progress === 'number' && (
              <span className="progress-bar" aria-hidden="true">
                <span style={{ width: `${item.progress}%` }} />
              </span>
            )}
            {item.progress === null ? t('register.notSaid') : progressText(item.progress, language)}
          </dd>
        </div>
        <div>
          <dt>{t('register.nextReview')}</dt>
          <dd className={overdue ? 'overdue-date' : undefined}>
            {item.nextReview === null ? t('register.noReview') : overdue ? t('register.overdueSince', { date: day(item.nextReview) }) : day(item.nextReview)}
          </dd>
        </div>
        <div>
          <dt>{t('register.lastUpdate')}</dt>
          <dd>{last ? t('register.logEntry', { date: dateTime(last.at), by: last.by === 'facilitator' ? t('register.facilitator') : last.by }) : t('register.never')}</dd>
        </div>
      </dl>
      {last?.note && <p className="register-note">{last.note}</p>}
      <details className="register-more">
        <summary>{t('register.origin')}</summary>
        <p>
          {t(`register.originKind.${source.kind}`)}. {source.rank !== null && t('register.originRank', { rank: source.rank, version: source.version })}{' '}
          {source.votes && t('register.originVotes', { total: source.votes.total, balanced: source.votes.balanced })}
        </p>
        {source.cards.length > 0 && (
          <>
            <Subheading className="register-more-heading">{t('register.cards')}</Subheading>
            <ul>
              {source.cards.map((card, i) => (
                <li key={i}>{card.title}</li>
              ))}
            </ul>
          </>
        )}
        {source.mergedFrom.length > 0 && (
          <p>
            {t('register.mergedFrom')}: {source.mergedFrom.map((m) => m.title).join(', ')}
          </p>
        )}
      </details>
      {item.log.length > 0 && (
        <details className="register-more">
          <summary>
            {t('register.log')} ({item.log.length})
          </summary>
          <ol className="register-log">
            {[...item.log].reverse().map((entry, i) => (
              <li key={i}>
                <span className="register-log-when">
                  {t('register.logEntry', { date: dateTime(entry.at), by: entry.by === 'facilitator' ? t('register.facilitator') : entry.by })}
                  {entry.followUp && ` · ${t('followUp.reportedIn', { title: entry.followUp.title })}`}
                </span>
                {entry.changes.map((change) => (
                  <span key={change.field} className="register-log-change">
                    {changeLine(change, language)}
                  </span>
                ))}
                {entry.note && <span className="register-log-note">{entry.note}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {mayUpdateItem(reader, item) &&
        (editing ? (
          <ItemUpdateForm
            save={save}
            item={item}
            asFacilitator={reader.kind === 'facilitator'}
            onDone={async (saved) => {
              setEditing(false);
              if (saved) await onSaved();
            }}
          />
        ) : (
          <button type="button" className="register-update" onClick={() => setEditing(true)} aria-label={t('register.updateOf', { place: item.position, title: item.title })}>
            {t('register.update')}
          </button>
        ))}
    </article>
  );
}
