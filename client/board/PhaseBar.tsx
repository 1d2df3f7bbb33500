import { useState } from 'react';
import { phasesOf, type Phase, type Role } from '../../shared/phases';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { CommandError } from '../kernel/commands/CommandError';
import { useProgressCheck } from '../kernel/useBoardData';
import { useRounds } from '../kernel/useRounds';

/** Leaving these backwards takes everyone out of a decision under way, so the step bar asks first. */
const ASK_BEFORE_LEAVING_BACKWARDS: readonly Phase[] = ['vote', 'results', 'agree'];

interface Props {
  phase: Phase;
  canChange: boolean;
  /** An observer follows the board and never adds cards, so the hints that invite to write are not theirs. */
  role: Role;
  /** A closed workshop has no phase to take part in: its closed notice says what holds instead. */
  closed: boolean;
}

/**
 * The phases as steps (a follow-up workshop's progress check first after setup); the facilitator moves forward and back, everyone sees where the workshop is. The
 * hint under the steps describes the phase only: whether a round is open or cards can be added is said once,
 * where it applies, so the two can never disagree.
 */
export function PhaseBar({ phase, canChange, role, closed }: Props) {
  const t = useT();
  const { api, controlDoc } = useBoard();
  const steps = phasesOf(useProgressCheck(controlDoc) !== null);
  const hint = useHintKey(phase, role);
  const { busy, failed, refusal, run } = useCommand();
  // The phase this facilitator moved to; said only while the workshop is still there, not after someone moved on.
  const [movedTo, setMovedTo] = useState<Phase | null>(null);
  // Asked from one phase only: once the workshop has moved on, the question is stale.
  const [asking, setAsking] = useState<{ from: Phase; to: Phase } | null>(null);
  const askingTo = asking?.from === phase ? asking.to : null;
  const index = steps.indexOf(phase);
  const previous = steps[index - 1];
  const next = steps[index + 1];

  const go = (target: Phase) =>
    run(async () => {
      setMovedTo(null);
      await api.changePhase(target);
      setMovedTo(target);
    });
  const choose = (target: Phase) =>
    ASK_BEFORE_LEAVING_BACKWARDS.includes(phase) && steps.indexOf(target) < index ? setAsking({ from: phase, to: target }) : go(target);
  const stepName = (target: Phase) => ({ n: steps.indexOf(target) + 1, phase: t(`phase.${target}`) });

  return (
    <nav className="phase-bar" aria-label={t('phasebar.label')}>
      <ol className="phase-steps">
        {steps.map((p, i) => {
          const step = (
            <>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>{' '}
              <span className="step-name">{t(`phase.${p}`)}</span>
            </>
          );
          return (
            <li key={p} className={i < index ? 'done' : i === index ? 'current' : undefined} aria-current={i === index ? 'step' : undefined}>
              {/* The facilitator may jump to any step, as in the tools people know; Back and Next stay the usual way. */}
              {canChange && i !== index ? (
                <button type="button" className="step-button" onClick={() => choose(p)} disabled={busy} aria-label={t('phasebar.goTo', stepName(p))}>
                  {step}
                </button>
              ) : (
                <span className="step-label">{step}</span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="phase-now">
        <span>{t('phase.stepOf', { n: index + 1, total: steps.length })}: </span>
        <strong>{t(`phase.${phase}`)}</strong>
        {!canChange && !closed && <span className="phase-hint"> – {t(hint)}</span>}
      </p>
      {canChange && (
        <div className="phase-controls">
          {previous && (
            <button type="button" onClick={() => choose(previous)} disabled={busy}>
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
      {canChange && askingTo && (
        <div className="button-row phase-confirm" role="group" aria-label={t('phasebar.confirmBack', stepName(askingTo))}>
          <span>{t('phasebar.confirmBack', stepName(askingTo))}</span>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              setAsking(null);
              go(askingTo);
            }}
          >
            {t('phasebar.confirmBackYes')}
          </button>
          <button type="button" autoFocus onClick={() => setAsking(null)}>
            {t('phasebar.cancel')}
          </button>
        </div>
      )}
      {canChange && (
        <p className="command-status" role="status">
          {movedTo === phase && t('status.phaseChanged', { n: index + 1, total: steps.length, phase: t(`phase.${phase}`) })}
        </p>
      )}
      <CommandError failed={failed} refusal={refusal} fallback={t('phasebar.failed')} />
    </nav>
  );
}

/** The phase's hint; the vote's names what the latest round has on its ballot: themes, cards, or both. */
function useHintKey(phase: Phase, role: Role) {
  const { controlDoc } = useBoard();
  const items = useRounds(controlDoc).at(-1)?.items ?? [];
  if (role === 'observer' && phase === 'setup') return 'phase.hint.setupObserver';
  if (phase !== 'vote' || items.length === 0) return `phase.hint.${phase}` as const;
  if (items.every((item) => item.kind === 'theme')) return 'phase.hint.voteThemes';
  if (items.every((item) => item.kind === 'card')) return 'phase.hint.voteCards';
  return 'phase.hint.vote';
}
