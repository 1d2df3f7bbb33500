import { useState } from 'react';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import { CommandError } from '../kernel/commands/CommandError';

/**
 * "Reveal all cards" in the phase toolbar while cards are collected silently: the moment everyone waits for
 * is one click from the phase, not inside the workshop tools. Mounted for the whole collect phase, so that once
 * the reveal has turned silent collection off (and the button has gone) the line saying it was done stays.
 */
export function RevealCards({ silent }: { silent: boolean }) {
  const t = useT();
  const { api } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const [revealed, setRevealed] = useState(false);
  const reveal = () =>
    run(async () => {
      setRevealed(false);
      await api.revealCards();
      setRevealed(true);
    });
  return (
    <div className="reveal-cards">
      {silent && (
        <button type="button" className="primary" onClick={reveal} disabled={busy}>
          {t('settings.revealCards')}
        </button>
      )}
      <p className="command-status" role="status">
        {revealed && t('status.cardsRevealed')}
      </p>
      <CommandError failed={failed} refusal={refusal} fallback={t('settings.failed')} />
    </div>
  );
}
