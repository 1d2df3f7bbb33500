import { timerRemaining, type TimerState } from '../../shared/timer';
import { useT } from '../app/i18n';
import { formatClock } from '../kernel/time/clock';
import { useServerNow } from '../kernel/time/useServerNow';

/**
 * The phase's countdown as the room reads it: the time left, or that time is up; nothing while no timer is set.
 * Large on the collect slide, beside the phase's name in the wall's heading in every other phase.
 */
export function ProjectorClock({ timer, className }: { timer: TimerState; className: string }) {
  const t = useT();
  const now = useServerNow(timer.status === 'running');
  const remaining = timerRemaining(timer, now);
  if (timer.status === 'idle') return null;
  if (timer.status === 'running' && remaining <= 0)
    return (
      <p className={`${className} projector-clock-done`} role="alert">
        {t('present.timeUp')}
      </p>
    );
  return (
    <p className={className}>
      <span className="visually-hidden">{t('timer.remaining', { time: formatClock(remaining) })}</span>
      <span aria-hidden="true">{formatClock(remaining)}</span>
    </p>
  );
}
