import '../register/register.css';
import './followUp.css';
import { useId, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { itemsToCarry, type AgendaItem, type ProgressCheckShown } from '../../shared/followUp';
import { calendarDayOf, type RegisterReader } from '../../shared/register';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';
import { useParticipants } from '../kernel/useBoardData';
import { RegisterItemCard } from '../register/RegisterItemCard';

interface Props {
  progressCheck: ProgressCheckShown;
  you: BoardSummary['you'];
  /** The facilitator walks the items, asks who reports and carries the open ones over; a closed workshop changes nothing. */
  runs: boolean;
}

/**
 * The progress check on the board: the current item of the register with where it came from, its owner and state;
 * the facilitator walks the items and asks a participant to report, and the one asked (or the facilitator) reports.
 */
export function ProgressCheckPanel({ progressCheck, you, runs }: Props) {
  const t = useT();
  const { api, controlDoc } = useBoard();
  const participants = useParticipants(controlDoc);
  const { items, currentItemId, reporterId } = progressCheck;
  const index = items.findIndex((item) => item.itemId === currentItemId);
  const current = items[index];
  const reporter = reporterId === null ? null : participants.get(reporterId);
  const reports = runs || (reporterId !== null && reporterId === you.participantId);
  const reader: RegisterReader = runs ? { kind: 'facilitator' } : reports && current ? { kind: 'owner', owner: current.owner } : { kind: 'progress' };

  if (progressCheck.sourceDeleted) {
    return (
      <section className="progress-check" aria-labelledby="progress-check-heading">
        <h2 id="progress-check-heading">{t('followUp.heading')}</h2>
        <p className="notice" role="status">
          {t('followUp.sourceDeleted')}
        </p>
      </section>
    );
  }
  return (
    <section className="progress-check" aria-labelledby="progress-check-heading">
      <h2 id="progress-check-heading">{t('followUp.heading')}</h2>
      <p className="progress-check-source">{t('followUp.source', { title: progressCheck.sourceTitle })}</p>
      {items.length === 0 || !current ? (
        <p>{t('followUp.noItems')}</p>
      ) : (
        <>
          {runs && <ItemSteps items={items} index={index} />}
          <p className="progress-check-position" aria-live="polite">
            {t('followUp.position', { n: index + 1, total: items.length })}
          </p>
          {reporter && <p className="notice" role="status">{reporterId === you.participantId ? t('followUp.youReport') : t('followUp.reporting', { name: reporter.name })}</p>}
          <RegisterItemCard
            key={current.itemId}
            save={(itemId, body) => api.reportProgress(itemId, body)}
            item={asRegisterItem(current)}
            reader={reader}
            today={calendarDayOf(Date.now())}
            showOwner
            headingLevel={3}
            onSaved={async () => undefined}
          />
          {runs && <ReporterChoice reporterId={reporterId} participants={[...participants.values()]} />}
        </>
      )}
      {runs && <CarryOpenItems progressCheck={progressCheck} />}
    </section>
  );
}

/** The room reads an item with its latest update; the whole log stays in the register. */
function asRegisterItem({ lastUpdate, ...item }: AgendaItem) {
  return { ...item, log: lastUpdate ? [lastUpdate] : [] };
}

function ItemSteps({ items, index }: { items: AgendaItem[]; index: number }) {
  const t = useT();
  const id = useId();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const go = (itemId: string | undefined) => itemId && run(() => api.goToProgressItem(itemId));
  return (
    <div className="progress-check-steps">
      <button type="button" disabled={busy || index <= 0} onClick={() => go(items[index - 1]?.itemId)}>
        {t('followUp.previous')}
      </button>
      <button type="button" className="primary" disabled={busy || index >= items.length - 1} onClick={() => go(items[index + 1]?.itemId)}>
        {t('followUp.next')}
      </button>
      <label htmlFor={id}>{t('followUp.goTo')}</label>
      <select id={id} value={items[index]?.itemId} disabled={busy} onChange={(e) => go(e.target.value)}>
        {items.map((item) => (
          <option key={item.itemId} value={item.itemId}>
            {item.position}. {item.title}
          </option>
        ))}
      </select>
      <CommandError failed={failed} refusal={refusal} fallback={t('followUp.failed')} />
    </div>
  );
}

function ReporterChoice({ reporterId, participants }: { reporterId: string | null; participants: Array<{ id: string; name: string }> }) {
  const t = useT();
  const id = useId();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  return (
    <div className="field progress-check-reporter">
      <label htmlFor={id}>{t('followUp.reporter')}</label>
      <select id={id} value={reporterId ?? ''} disabled={busy} onChange={(e) => void run(() => api.askToReport(e.target.value || null))}>
        <option value="">{t('followUp.reporterFacilitator')}</option>
        {participants.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <CommandError failed={failed} refusal={refusal} fallback={t('followUp.failed')} />
    </div>
  );
}

function CarryOpenItems({ progressCheck }: { progressCheck: ProgressCheckShown }) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const [carried, setCarried] = useState<number | null>(null);
  const open = itemsToCarry(progressCheck).length;
  return (
    <div className="progress-check-carry">
      <p className="hint">{t('followUp.carryHint')}</p>
      <button type="button" disabled={busy || open === 0} onClick={() => void run(async () => setCarried((await api.carryOpenItems()).carried))}>
        {t('followUp.carry')}
      </button>
      <p role="status" className="command-status">
        {carried !== null && t('followUp.carried', { count: carried })}
      </p>
      <CommandError failed={failed} refusal={refusal} fallback={t('followUp.failed')} />
    </div>
  );
}
