import { useState } from 'react';
import { timerRemaining, type TimerState } from '../../shared/timer';
import type { TimerCommand } from '../../shared/api';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { formatClock } from '../kernel/time/clock';
import { useServerNow } from '../kernel/time/useServerNow';
import './timer.css';
import { CommandError } from '../kernel/commands/CommandError';

/** A breakout table whose own countdown this is, and what it is called. */
export interface TimerOfTable {
  id: string;
  label: string;
}

/**
 * The phase countdown everyone sees, or a breakout table's (`table`) that its tablemates see; whoever runs it
 * (the facilitator, a table's host) also gets its controls.
 */
export function PhaseTimer({ timer, canControl, table }: { timer: TimerState; canControl: boolean; table?: TimerOfTable }) {
  const t = useT();
  const now = useServerNow(timer.status === 'running');
  const remaining = timerRemaining(timer, now);
  const done = timer.status === 'running' && remaining <= 0;
  if (timer.status === 'idle' && !canControl) return null;

  return (
    <section className={`timer panel timer-${timer.status}${done ? ' timer-done' : ''}`} aria-label={table ? t('tables.timer', { table: table.label }) : t('timer.label')}>
      {table && <p className="timer-caption">{t('tables.timer', { table: table.label })}</p>}
      {timer.status !== 'idle' && (
        <p className="timer-clock">
          <span className="timer-digits" aria-hidden="true">
            {formatClock(remaining)}
          </span>
          <span className="visually-hidden">
            {timer.status === 'paused' ? t('timer.paused', { time: formatClock(remaining) }) : t('timer.remaining', { time: formatClock(remaining) })}
          </span>
          {timer.status === 'paused' && <span className="timer-state">{t('timer.pausedBadge')}</span>}
        </p>
      )}
      {done && (
        <p className="timer-alert" role="alert">
          {t('timer.done')}
        </p>
      )}
      {canControl && <TimerControls timer={timer} tableId={table?.id} />}
    </section>
  );
}

/** Start, pause, +1 minute and stop: the phase's countdown, or a breakout table's (`tableId`). */
export function TimerControls({ timer, tableId }: { timer: TimerState; tableId: string | undefined }) {
  const t = useT();
  const { api } = useBoard();
  const [minutes, setMinutes] = useState(5);
  const { busy, failed, refusal, run } = useCommand();
  const send = (command: TimerCommand) => run(() => (tableId ? api.commandTableTimer(tableId, command) : api.commandTimer(command)));

  return (
    <div className="timer-controls">
      {timer.status === 'idle' ? (
        <form
          className="timer-start"
          onSubmit={(e) => {
            e.preventDefault();
            send({ action: 'start', seconds: Math.round(minutes * 60) });
          }}
        >
          <label>
            {t('timer.minutesLabel')}
            <input
              type="number"
              min={1}
              max={240}
              step={1}
              value={minutes}
              onChange={(e) => setMinutes(Math.max(1, Math.min(240, Number(e.target.value) || 1)))}
            />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('timer.start')}
          </button>
        </form>
      ) : (
        <>
          {timer.status === 'running' ? (
            <button type="button" onClick={() => send({ action: 'pause' })} disabled={busy}>
              {t('timer.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => send({ action: 'resume' })} disabled={busy}>
              {t('timer.resume')}
            </button>
          )}
          <button type="button" onClick={() => send({ action: 'extend', seconds: 60 })} disabled={busy}>
            {t('timer.extend')}
          </button>
          <button type="button" onClick={() => send({ action: 'stop' })} disabled={busy}>
            {t('timer.stop')}
          </button>
        </>
      )}
      <CommandError failed={failed} refusal={refusal} fallback={t('timer.failed')} />
    </div>
  );
}
