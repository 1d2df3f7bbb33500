import { Fragment, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardMeta } from '../../shared/controlDoc';
import type { ExportedList } from '../../shared/export/json';
import type { PriorityItem } from '../../shared/export/types';
import { DecisionRecordSection } from '../signoff/DecisionRecordSection';
import type { RevealedRound } from '../../shared/voting/revealed';
import { runoffChangedOrder } from '../../shared/voting/ranking';
import { useT } from '../app/i18n';
import { ContestedBadge } from '../results/ContestedBadge';
import { GroupBarChart, type ChartRow } from '../results/GroupBarChart';
import { useGroupName } from '../results/groupNames';
import { useFormats } from '../app/useFormats';
import { useTableLabel } from '../kernel/useTableLabel';
import { tablesRaised } from '../../shared/tables/seating';
import { NotesHtml } from './NotesHtml';

interface Props {
  list: ExportedList;
  meta: BoardMeta;
  notes: Y.XmlFragment;
  /** Every revealed round, oldest first: a run-off is told beside the round it followed. */
  rounds: RevealedRound[];
}

/**
 * The report's content. In print it flows on A4 portrait: pages break only between priorities, never
 * inside one, and the priorities table wraps its text instead of growing wider than the page.
 */
export function Report({ list, meta, notes, rounds }: Props) {
  const t = useT();
  const format = useFormats();
  const groupName = useGroupName(list.groups);
  const tableLabel = useTableLabel();
  const cardsToggle = useId();
  const [showCards, setShowCards] = useState(false);
  const voted = list.items.filter((item): item is PriorityItem & { votes: NonNullable<PriorityItem['votes']> } => item.votes !== null);
  const rows: ChartRow[] = voted.map((item) => ({ id: item.itemId, rank: item.rank, title: item.title, total: item.votes.total, byGroup: item.votes.byGroup, contested: item.votes.contested }));
  const split = (item: PriorityItem) =>
    item.votes ? list.votingGroups.map((id) => `${groupName(id)} ${item.votes!.byGroup[id] ?? 0}`).join(' · ') : '';
  const hasCards = list.items.some((item) => item.cards.length > 0);
  // What people typed is in the workshop's language whatever the report is told in, so it hyphenates by its rules.
  const typedIn = meta.language;

  return (
    <article className="report-body">
      <header className="report-section report-title">
        <h1>{list.board.title}</h1>
        {list.board.question && <p className="question">{list.board.question}</p>}
        <p>{t('report.date', { date: format.dateTime(meta.createdAt) })}</p>
        <p className="report-status">
          {list.status === 'agreed'
            ? t('report.agreed', { version: list.version ?? 0, date: format.dateTime(list.frozenAt ?? 0) })
            : list.status === 'draft'
              ? t('report.draft', { number: list.roundNumber ?? 0 })
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
        {rounds.length > 1 && (
          <>
            <h2>{t('report.roundsHeading')}</h2>
            <ul className="report-rounds">
              {rounds.map(({ round, tally }) => {
                const line = {
                  number: round.number,
                  items: round.items.length,
                  voters: tally.voters.total,
                  kind: t(round.settings.anonymous ? 'report.roundAnonymous' : 'report.roundNamed'),
                  first: tally.items.filter((item) => item.rank === 1).map((item) => item.title).join(', ') || '–',
                };
                // A run-off says which round it settled and whether it changed that round's order.
                const from = rounds.find((earlier) => earlier.round.id === round.settings.runoffOf);
                return (
                  <li key={round.id}>
                    {from
                      ? t('report.roundLineRunoff', {
                          ...line,
                          of: from.round.number,
                          outcome: t(runoffChangedOrder(tally, from.tally) ? 'report.runoffChanged' : 'report.runoffKept', { of: from.round.number }),
                        })
                      : t('report.roundLine', line)}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </header>

      {rows.length > 0 && (
        <section className="report-section" aria-labelledby="report-chart">
          <h2 id="report-chart">{t('results.chartHeading')}</h2>
          <GroupBarChart rows={rows} groups={list.votingGroups.map((id) => ({ id, name: groupName(id) }))} />
        </section>
      )}

      <section className="report-section" aria-labelledby="report-list">
        <h2 id="report-list">{t('report.listHeading')}</h2>
        {hasCards && (
          <p className="report-cards-toggle">
            <input id={cardsToggle} type="checkbox" checked={showCards} onChange={(e) => setShowCards(e.target.checked)} />
            <label htmlFor={cardsToggle}>{t('report.showCards')}</label>
          </p>
        )}
        <table className="report-priorities">
          <colgroup>
            <col className="col-rank" />
            <col className="col-title" />
            <col className="col-figure" />
            <col className="col-figure" />
            <col className="col-figure" />
            <col className="col-owner" />
            <col className="col-next" />
          </colgroup>
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
          {list.items.map((item) => (
            // One tbody per priority, so a printed page breaks between priorities and never inside one.
            <tbody key={item.itemId} className="report-priority">
              <tr>
                <td>{item.rank ?? '–'}</td>
                <th scope="row">
                  <span lang={typedIn}>{item.title}</span> {item.votes?.contested && <ContestedBadge />}
                  {item.votes && <span className="th-note">{split(item)}</span>}
                  {item.mergedFrom.length > 0 && <span className="th-note">{t('agree.includes', { titles: item.mergedFrom.map((m) => m.title).join(', ') })}</span>}
                  {item.tables && <span className="th-note">{t('tables.raisedAt', { tables: tablesRaised(item.tables, tableLabel) })}</span>}
                </th>
                <td>{item.votes?.total ?? '–'}</td>
                <td>{item.votes ? format.score(item.votes.balanced) : '–'}</td>
                <td>{format.consensus(item.votes?.consensus ?? null)}</td>
                <td lang={typedIn}>{item.owner || '–'}</td>
                <td lang={typedIn}>{item.nextStep || '–'}</td>
              </tr>
              {showCards && item.cards.length > 0 && (
                <tr className="report-cards">
                  <td />
                  <td colSpan={6}>
                    <ul aria-label={t('report.cardsOf', { title: item.title })}>
                      {item.cards.map((card, i) => (
                        <li key={i}>
                          <strong lang={typedIn}>{card.title}</strong>
                          {card.group && <span className="muted"> · {groupName(card.group)}</span>}
                          {card.body.trim() !== '' && (
                            <span className="card-body" lang={typedIn}>
                              {card.body
                                .split('\n')
                                .filter((line) => line.trim() !== '')
                                .map((line, j) => (
                                  <Fragment key={j}>
                                    {line}
                                    <br />
                                  </Fragment>
                                ))}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              )}
            </tbody>
          ))}
        </table>
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
      </section>

      {/* Without delegates there was no sign-off to record: the page stays the list's, and fits its A4 pages. */}
      {list.decisionRecord && list.decisionRecord.groups.length > 0 && <DecisionRecordSection record={list.decisionRecord} groups={list.groups} />}

      <section className="report-section report-definitions" aria-labelledby="report-definitions">
        <h2 id="report-definitions">{t('report.definitionsHeading')}</h2>
        <p>{t('report.dotsExplained')}</p>
        <p>{t('results.balancedExplained')}</p>
        <p>{t('results.consensusExplained')}</p>
        <p>{t('results.contestedExplained')}</p>
        <p>{t('report.roundingExplained')}</p>
      </section>

      <section className="report-section report-notes" aria-labelledby="report-notes">
        <h2 id="report-notes">{t('report.notesHeading')}</h2>
        {notes.length === 0 ? <p className="muted">{t('report.noNotes')}</p> : <NotesHtml fragment={notes} />}
      </section>
    </article>
  );
}
