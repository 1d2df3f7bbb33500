import { PHASES, type Phase } from '../../shared/phases';
import { changePhase } from '../api/serverApi';
import { useT } from '../app/i18n';
import { useCommand } from './facilitation/useCommand';

/** The six phases as steps; the facilitator moves forward and back, everyone sees where the workshop is. */
export function PhaseBar({ boardId, token, phase, canChange }: { boardId: string; token: string; phase: Phase; canChange: boolean }) {
  const t = useT();
  const { busy, failed, run } = useCommand();
  const index = PHASES.indexOf(phase);
  const previous = PHASES[index - 1];
  const next = PHASES[index + 1];

  const go = (target: Phase) => run(() => changePhase(boardId, token, target));

  return (
    <nav className="phase-bar" aria-label={t('phasebar.label')}>
      <ol className="phase-steps">
        {PHASES.map((p, i) => (
          <li key={p} className={i < index ? 'done' : i === index ? 'current' : undefined} aria-current={i === index ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="step-name">{t(`phase.${p}`)}</span>
          </li>
        ))}
      </ol>
      <p className="phase-now">
        <span>{t('phase.stepOf', { n: index + 1, total: PHASES.length })}: </span>
        <strong>{t(`phase.${phase}`)}</strong>
        {!canChange && <span className="phase-hint"> – {t(`phase.hint.${phase}`)}</span>}
      </p>
      {canChange && (
        <div className="phase-controls">
          {previous && (
            <button type="button" onClick={() => go(previous)} disabled={busy}>
              {t('phasebar.back', { phase: t(`phase.${previous}`) })}
            </button>
          )}
          {next && (
            <button type="button" className="primary" onClick={() => go(next)} disabled={busy}>
              {t('phasebar.next', { phase: t(`phase.${next}`) })}
            </button>
          )}
        </div>
      )}
      {failed && (
        <p className="form-error" role="alert">
          {t('phasebar.failed')}
        </p>
      )}
    </nav>
  );
}
