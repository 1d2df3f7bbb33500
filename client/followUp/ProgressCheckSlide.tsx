import '../register/register.css';
import './followUp.css';
import type { ProgressCheckShown } from '../../shared/followUp';
import { progressText } from '../../shared/export/register';
import { useLanguage, useT } from '../app/i18n';
import { useFormats } from '../app/useFormats';
import { useDayFormat } from '../register/formats';

/** The wall during the progress check: the current item large enough to read at the back of the room, live as it is reported. */
export function ProgressCheckSlide({ progressCheck }: { progressCheck: ProgressCheckShown }) {
  const t = useT();
  const { language } = useLanguage();
  const day = useDayFormat();
  const { dateTime } = useFormats();
  const index = progressCheck.items.findIndex((item) => item.itemId === progressCheck.currentItemId);
  const item = progressCheck.items[index];
  if (progressCheck.sourceDeleted) return <p className="projector-hint">{t('followUp.sourceDeleted')}</p>;
  if (!item) return <p className="projector-hint">{t('followUp.noItems')}</p>;
  const { source, lastUpdate } = item;
  return (
    <div className="slide progress-check-slide">
      <p className="projector-count">
        {t('followUp.position', { n: index + 1, total: progressCheck.items.length })} · {t('followUp.source', { title: progressCheck.sourceTitle })}
      </p>
      <h2>
        {item.title} <span className={`status-chip status-${item.status}`}>{t(`register.status.${item.status}`)}</span>
      </h2>
      <dl className="progress-check-facts">
        <div>
          <dt>{t('followUp.owner')}</dt>
          <dd>{item.owner || t('followUp.noOwner')}</dd>
        </div>
        <div>
          <dt>{t('followUp.progress')}</dt>
          <dd>{item.progress === null ? t('register.notSaid') : progressText(item.progress, language)}</dd>
        </div>
        <div>
          <dt>{t('followUp.nextReview')}</dt>
          <dd>{item.nextReview === null ? t('register.noReview') : day(item.nextReview)}</dd>
        </div>
      </dl>
      {item.dropReason && <p className="projector-hint">{t('register.droppedBecause', { reason: item.dropReason })}</p>}
      <p className="projector-count">
        {lastUpdate
          ? `${t('followUp.lastUpdate', { date: dateTime(lastUpdate.at), by: lastUpdate.by === 'facilitator' ? t('register.facilitator') : lastUpdate.by })}${lastUpdate.note ? `: ${lastUpdate.note}` : ''}`
          : t('followUp.noUpdate')}
      </p>
      <section className="progress-check-origin">
        <h3>{t('followUp.origin')}</h3>
        <p>
          {source.rank !== null && t('followUp.originRank', { rank: source.rank, version: source.version })}
          {source.votes && ` · ${t('followUp.originVotes', { count: source.votes.total })}`}
        </p>
        {source.cards.length > 0 && (
          <ul>
            {source.cards.slice(0, 6).map((card, i) => (
              <li key={i}>{card.title}</li>
            ))}
          </ul>
        )}
        {source.mergedFrom.length > 0 && <p>{t('followUp.originMerged', { titles: source.mergedFrom.map((m) => m.title).join(', ') })}</p>}
      </section>
    </div>
  );
}
