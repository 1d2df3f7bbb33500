import './board.css';
import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { usePageLanguage, useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { abilitiesOf } from '../kernel/abilities';
import { QuestionsPanel, QuestionsRoundSwitch } from '../questions/QuestionsPanel';
import { BoardProvider } from '../kernel/BoardContext';
import { CardsSection } from './CardsSection';
import { ConnectionBadge } from './ConnectionBadge';
import { PhaseBar } from './PhaseBar';
import { SettingsPanel } from '../facilitation/SettingsPanel';
import { SharePanel } from '../facilitation/SharePanel';
import { PresenceList } from '../presence/PresenceList';
import { NotesPane } from '../richText/NotesPane';
import { PhaseTimer } from '../timer/PhaseTimer';
import { BoardConnection } from '../kernel/sync/BoardConnection';
import type { FatalReason } from '../kernel/sync/SyncedDoc';
import { RefusalNoticeView } from '../kernel/sync/RefusalNoticeView';
import { useConnection, useMeta, useProgressCheck, useWaitingToVote } from '../kernel/useBoardData';
import { ProgressCheckPanel } from '../followUp/ProgressCheckPanel';
import { useRounds } from '../kernel/useRounds';
import { VotingPhases } from '../voting/VotingPhases';
import { AccessPanel } from '../access/AccessPanel';
import { BoardHistoryPanel } from '../facilitation/BoardHistoryPanel';
import { MyDetails } from '../people/MyDetails';
import { PeoplePanel } from '../people/PeoplePanel';
import { PresentControls } from '../present/PresentControls';
import './board-layout.css';
import { KeepLinkNotice } from '../session/KeepLinkNotice';
import { ClosedNotice } from './ClosedNotice';
import { ClosingControls } from '../facilitation/ClosingControls';
import { ForumEntry } from '../forum/ForumEntry';
import { WorkshopDetails } from '../facilitation/WorkshopDetails';
import { ExportPanel } from '../results/ExportPanel';
import { WorkshopTools } from './tools/WorkshopTools';
import { RevealCards } from '../silent/RevealCards';
import { silentCollectActive } from '../../shared/phases';
import { AtMyTable } from '../tables/AtMyTable';
import { TablesMosaic } from '../tables/TableGlance';
import { TablesPanel } from '../tables/TablesPanel';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { readSeating } from '../../shared/controlDoc';
import { asTableHost, mayRunTable } from '../../shared/permissions';
import { tableOf } from '../../shared/tables/seating';
import { useTableLabel } from '../kernel/useTableLabel';

interface Props {
  boardId: string;
  token: string;
  summary: BoardSummary;
  onDenied: (reason: FatalReason) => void;
  /** Asks for the REST summary again: the join code or one's own details changed. */
  onSummaryStale: () => void;
}

export function BoardView(props: Props) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const created = new BoardConnection(props.boardId, props.token);
    setConnection(created);
    return () => created.destroy();
  }, [props.boardId, props.token]);
  if (!connection) return null;
  return <LiveBoard {...props} connection={connection} />;
}

function LiveBoard({ boardId, token, summary, onDenied, onSummaryStale, connection }: Props & { connection: BoardConnection }) {
  const t = useT();
  const live = useConnection(connection);
  const meta = useMeta(live.controlDoc, summary);
  usePageLanguage(meta.language);
  useDocumentTitle(meta.title);

  useEffect(() => {
    if (live.fatal) onDenied(live.fatal);
  }, [live.fatal, onDenied]);

  const closed = meta.closedAt !== null;
  const abilities = abilitiesOf(summary.you, meta.phase, meta.settings, closed);
  // A table's host runs its clustering: on their table's board they may what the board policy lets a host.
  const seating = useDocSelector(live.controlDoc, readSeating);
  const myTable = summary.you.participantId ? tableOf(seating, summary.you.participantId) : undefined;
  const hosting = myTable !== undefined && mayRunTable(summary.you, seating, myTable.id);
  const tableLabel = useTableLabel();
  const atTable = hosting ? abilitiesOf(summary.you, meta.phase, asTableHost({ phase: meta.phase, settings: meta.settings, closed }).settings, closed) : abilities;
  const facilitator = summary.you.role === 'facilitator';
  const youGroup = meta.groups.find((g) => g.id === summary.you.group)?.name ?? summary.you.group;
  // Only the facilitator gets the share details, and with them the drawer of workshop tools.
  const share = facilitator ? summary.share : null;
  // While a round is being voted on, the facilitator follows the round, and a voter their ballot (which lists every
  // item, cards behind "show cards") with nothing below it: no board nobody may change, no list of who is here,
  // so that the ballot is all a phone scrolls through. Someone waiting to be let in to vote follows the board meanwhile.
  const ballotOpen = useRounds(live.controlDoc).some((round) => round.state === 'open');
  const progressCheck = useProgressCheck(live.controlDoc);
  const waiting = useWaitingToVote(summary.you, live.controlDoc);
  const voting = meta.phase === 'vote' && summary.you.participantId !== null && ballotOpen && !waiting;
  // The progress check is the whole of its phase: the cards carried over wait for the phases that work on them.
  const showCards = meta.phase !== 'progress' && !(meta.phase === 'vote' && (facilitator || voting));
  // Clustering takes the width a laptop offers, and so does the facilitator's agreed list: a table of priorities
  // whose owner and next step must be readable while they are typed.
  const wide = meta.phase === 'cluster' || (meta.phase === 'agree' && abilities.runWorkshop);

  return (
    <BoardProvider boardId={boardId} token={token} docs={live}>
      <TopBar>
        <ConnectionBadge status={live.status} />
      </TopBar>
      <main id="main" tabIndex={-1} className={`page board${wide ? ' board-wide' : ''}`}>
        <header className="board-header">
          <h1>{meta.title}</h1>
          {meta.question && (
            <p className="question">
              <span className="visually-hidden">{t('board.questionLabel')}: </span>
              {meta.question}
            </p>
          )}
          <p className="board-identity">
            <span className={`role-badge role-${summary.you.role}`}>{t(`role.${summary.you.role}`)}</span>
            {summary.you.name && <span>{t('board.youAre', { name: summary.you.name, group: youGroup ?? '' })}</span>}
          </p>
        </header>

        {meta.closedAt !== null && <ClosedNotice closedAt={meta.closedAt} canExport={abilities.export} />}
        {facilitator && <KeepLinkNotice title={meta.title} />}

        {live.notice && <RefusalNoticeView notice={live.notice} onDismiss={() => connection.dismissNotice()} onReconnect={() => connection.reconnect()} />}

        {/* One compact toolbar with the phase, its actions and the timer; on a phone it stays in view for those who follow. */}
        <div className={`board-toolbar${abilities.runWorkshop ? '' : ' board-toolbar-follow'}`}>
          <PhaseBar phase={meta.phase} canChange={abilities.runWorkshop} role={abilities.role} closed={closed} />
          <div className="board-toolbar-side">
            <PhaseTimer timer={meta.timer} canControl={abilities.runWorkshop} />
            {abilities.runWorkshop && meta.phase === 'collect' && <RevealCards silent={silentCollectActive(meta.phase, meta.settings)} />}
            {abilities.runWorkshop && <PresentControls phase={meta.phase} />}
            {share && (
              <WorkshopTools>
                <SharePanel share={share} title={meta.title} initiallyOpen={meta.phase === 'setup' || meta.phase === 'collect'} mintsLinks={abilities.manageLinks} />
                {!closed && <SettingsPanel settings={meta.settings} />}
                {!closed && !voting && abilities.runWorkshop && !meta.settings.questionsOpen && <QuestionsRoundSwitch />}
                {!closed && <WorkshopDetails meta={meta} />}
                <PeoplePanel groups={meta.groups} />
                {!closed && <TablesPanel />}
                <ExportPanel />
                <AccessPanel joinCode={share.joinCode} title={meta.title} abilities={abilities} onJoinCodeChanged={onSummaryStale} />
                <BoardHistoryPanel />
                {abilities.runWorkshop && <ForumEntry title={meta.title} />}
                <NotesPane editable={abilities.runWorkshop} initiallyOpen />
                <ClosingControls closed={closed} />
              </WorkshopTools>
            )}
          </div>
        </div>

        {/* A table's own countdown has a line of its own: its host's controls would not fit the phone's toolbar. */}
        {myTable && <PhaseTimer timer={myTable.timer} canControl={hosting && !closed} table={{ id: myTable.id, label: tableLabel(myTable) }} />}

        {abilities.role === 'observer' && (
          <p className="notice" role="note">
            <strong>{t('board.readOnly')}.</strong> {t('board.readOnlyHint')}
          </p>
        )}

        <section className="board-main" aria-label={t('board.mainLabel')}>
          {!voting && !closed && <QuestionsPanel open={meta.settings.questionsOpen} abilities={abilities} />}
          {meta.phase === 'progress' && progressCheck && <ProgressCheckPanel progressCheck={progressCheck} you={summary.you} runs={abilities.runWorkshop} />}
          <VotingPhases summary={closed ? readOnlySummary(summary) : summary} meta={meta} connection={live.status} />

          {/* While the room sits at breakout tables, the facilitator sees every table at a glance above the plenary. */}
          {abilities.runWorkshop && <TablesMosaic />}

          {/* While clustering the board takes the full width; who is here follows below it. */}
          <div className={`board-columns${meta.phase === 'cluster' || !showCards ? ' board-columns-stacked' : ''}`}>
            {showCards && (
              <AtMyTable participantId={summary.you.participantId}>
                <CardsSection meta={meta} abilities={atTable} settled={live.controlSynced} onTyping={connection.setTyping} />
              </AtMyTable>
            )}
            {!voting && (
              <div className="board-side">
                <PresenceList groups={meta.groups} summary={summary} />
                {summary.you.participantId && (
                  <MyDetails you={{ ...summary.you, participantId: summary.you.participantId }} meta={meta} onChanged={onSummaryStale} />
                )}
                {!share && <NotesPane editable={abilities.runWorkshop} initiallyOpen={abilities.runWorkshop} />}
              </div>
            )}
          </div>
        </section>
      </main>
    </BoardProvider>
  );
}

/**
 * How the voting screens see a person while the workshop is closed: the facilitator as an observer (results
 * and exports, no commands), a participant without a ballot to cast. The server refuses changes anyway.
 */
function readOnlySummary(summary: BoardSummary): BoardSummary {
  if (summary.you.role === 'facilitator') return { ...summary, you: { ...summary.you, role: 'observer' } };
  return { ...summary, you: { ...summary.you, participantId: null } };
}
