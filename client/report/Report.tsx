import type * as Y from 'yjs';
import type { BoardMeta } from '../../shared/controlDoc';
import type { PriorityItem, PriorityList } from '../../shared/export/types';
import { useT } from '../app/i18n';
import { ContestedBadge } from '../results/ContestedBadge';
import { GroupBarChart, type ChartRow } from '../results/GroupBarChart';
import { ScrollingTable } from '../results/ScrollingTable';
import { useGroupName } from '../results/groupNames';
import { useFormats } from '../results/useFormats';
import { NotesHtml } from './NotesHtml';

interface Props {
  list: PriorityList;
  meta: BoardMeta;
  notes: Y.XmlFragment;
}

/** The report's content, one section per printed page. */
export function Report({ list, meta, notes }: Props) {
  const t = useT();
  const format = useFormats();
  const groupName = useGroupName(list.groups);
  const voted = list.items.filter((item): item is PriorityItem & { votes: NonNullable<PriorityItem['votes']> } => item.votes !== null);
  const rows: ChartRow[] = voted.map((item) => ({ id: item.itemId, rank: item.rank, title: item.title, total: item.votes.total, byGroup: item.votes.byGroup, contested: item.votes.contested }));
  const split = (item: PriorityItem) =>
    item.votes ? list.votingGroups.map((id) => `${groupName(id)} ${item.votes!.byGroup[id] ?? 0}`).join(' · ') : '';

  return (
    <article className="report-body">
      <header className="report-section report-title">
        <h1>{list.board.title}</h1>
        {list.board.question && <p className="question">{list.board.question}</p>}
        <p>{t('report.date', { date: format.dateTime(meta.createdAt) })}</p>
        <p className="report-status">
          {list.status === 'agreed'
            ? t('report.agreed', { version: list.version ?? 0, date: format.dateTime(list.frozenAt ?? 0) })
            : list.status === 'not-agreed'
              ? t('report.notAgreed', { number: list.roundNumber ?? 0 })
              : t('report.noResults')}
        </p>
        <h2>{t('report.participantsHeading')}</h2>
        <table className="report-groups">
          <thead>
            <tr>
              <th scope="col">{t('report.group')}</th>
              <th scope="col">{t('report.participants')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(list.participantsPerGroup).map(([id, count]) => (
              <tr key={id}>
                <th scope="row">{groupName(id)}</th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.voters && <p>{t('report.voters', { count: list.voters.total, number: list.roundNumber ?? 0 })}</p>}
      </header>

      {rows.length > 0 && (
        <section className="report-section" aria-labelledby="report-chart">
          <h2 id="report-chart">{t('results.chartHeading')}</h2>
          <GroupBarChart rows={rows} groups={list.votingGroups.map((id) => ({ id, name: groupName(id) }))} />
        </section>
      )}

      <section className="report-section" aria-labelledby="report-list">
        <h2 id="report-list">{t('report.listHeading')}</h2>
        <ScrollingTable label={t('report.listHeading')}>
        <table className="report-priorities">
          <thead>
            <tr>
              <th scope="col">{t('results.rank')}</th>
              <th scope="col">{t('report.priority')}</th>
              <th scope="col">{t('results.dots')}</th>
              <th scope="col">{t('results.score')}</th>
              <th scope="col">{t('results.consensus')}</th>
              <th scope="col">{t('agree.owner')}</th>
              <th scope="col">{t('agree.nextStep')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.itemId}>
                <td>{item.rank ?? '–'}</td>
                <th scope="row">
                  {item.title} {item.votes?.contested && <ContestedBadge />}
                  {item.mergedFrom.length > 0 && <span className="th-note">{t('agree.includes', { titles: item.mergedFrom.map((m) => m.title).join(', ') })}</span>}
                </th>
                <td>
                  {item.votes?.total ?? '–'}
                  {item.votes && <span className="th-note">{split(item)}</span>}
                </td>
                <td>{item.votes ? format.score(item.votes.balanced) : '–'}</td>
                <td>{format.consensus(item.votes?.consensus ?? null)}</td>
                <td>{item.owner || '–'}</td>
                <td>{item.nextStep || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollingTable>
        {list.dropped.length > 0 && (
          <>
            <h3>{t('agree.dropped')}</h3>
            <ul>
              {list.dropped.map((item) => (
                <li key={item.itemId}>
                  <strong>{item.title}</strong> {t('agree.droppedBecause', { reason: item.reason })}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="hint">{t('results.balancedExplained')}</p>
        <p className="hint">{t('results.consensusExplained')}</p>
      </section>

      <section className="report-section report-notes" aria-labelledby="report-notes">
        <h2 id="report-notes">{t('report.notesHeading')}</h2>
        {notes.length === 0 ? <p className="muted">{t('report.noNotes')}</p> : <NotesHtml fragment={notes} />}
      </section>
    </article>
  );
}
