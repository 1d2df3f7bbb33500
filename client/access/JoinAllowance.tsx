import { useEffect, useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';

/**
 * How many people may join from one network per hour. A venue's phones share one address, so the default is
 * venue-sized; a bigger room behind one address needs it raised, and only the facilitator knows the room.
 */
export function JoinAllowance() {
  const t = useT();
  const { api } = useBoard();
  const hintId = useId();
  const [allowed, setAllowed] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useCommand();
  const load = useCommand();
  useEffect(() => {
    void load.run(async () => {
      const { perAddress } = await api.fetchJoinAllowance();
      setAllowed(perAddress);
      setValue(String(perAddress));
    });
  }, [api, load.run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      setAllowed((await api.setJoinAllowance(Number(value))).perAddress);
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="access-joins-heading">
      <h3 id="access-joins-heading">{t('access.joinsHeading')}</h3>
      <p className="muted" id={hintId}>
        {t('access.joinsHint')}
      </p>
      <form className="access-form" onSubmit={submit}>
        <label className="field">
          <span>{t('access.joinsLabel')}</span>
          <input
            type="number"
            min={1}
            max={LIMITS.maxParticipantsPerBoard}
            required
            value={value}
            aria-describedby={hintId}
            onChange={(e) => {
              setValue(e.target.value);
              setSaved(false);
            }}
          />
        </label>
        <button type="submit" disabled={save.busy || value === '' || Number(value) === allowed}>
          {t('access.joinsSave')}
        </button>
      </form>
      <p role="status" className="panel-status">
        {allowed !== null && saved ? t('access.joinsSaved', { count: allowed }) : ''}
      </p>
      <CommandError failed={save.failed || load.failed} refusal={save.refusal ?? load.refusal} fallback={t('people.failed')} />
    </section>
  );
}
