import { useEffect, useState } from 'react';
import { readDrawnRevision } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import type { WaitingPerson } from '../../shared/peopleApi';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useServerRead } from '../kernel/commands/PanelReadWhenOpened';
import { useCommand } from '../kernel/commands/useCommand';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { RemovePersonForm } from './RemovePersonForm';

/**
 * Who waits to be let in to vote (strict anonymity), read from the facilitator's own route: the control document
 * every link reads never lists them. Read again whenever the stored facts change (the control document's drawn
 * revision moves with every join), so the list is live while nobody else's browser learns of it.
 */
export function useWaitingList(enabled: boolean): { waiting: WaitingPerson[]; reload: () => Promise<void> } {
  const { api, controlDoc } = useBoard();
  const revision = useDocSelector(controlDoc, readDrawnRevision);
  const { value, reload } = useServerRead(api.fetchWaiting);
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, revision, reload]);
  return { waiting: enabled ? (value?.waiting ?? []) : [], reload };
}

interface Props {
  waiting: WaitingPerson[];
  reload: () => Promise<void>;
  groups: readonly StakeholderGroup[];
  /** How many cards each person wrote, or null while cards are anonymous. */
  cardCountOf: (participantId: string) => number | null;
  onStatus: (status: string) => void;
}

/** The facilitator lets each waiting person vote, or turns them away (removes them, choosing what becomes of their cards). */
export function WaitingList({ waiting, reload, groups, cardCountOf, onStatus }: Props) {
  const t = useT();
  const { api } = useBoard();
  const admit = useCommand();
  const [turningAway, setTurningAway] = useState<string | null>(null);
  if (waiting.length === 0) return null;
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;

  return (
    <section className="waiting-list" aria-labelledby="waiting-list-heading">
      <h3 id="waiting-list-heading">
        {t('waitingList.heading')} <span className="count">({waiting.length})</span>
      </h3>
      <p className="muted">{t('waitingList.hint')}</p>
      <ul className="people-list">
        {waiting.map((person) => (
          <li key={person.id} className="person">
            <div className="person-line">
              <span className="person-name">{person.name}</span>
              <span className="person-meta">{[person.organisation, groupName(person.group)].filter(Boolean).join(' · ')}</span>
            </div>
            {turningAway === person.id ? (
              <RemovePersonForm
                person={person}
                cardCount={cardCountOf(person.id)}
                onDone={(removed) => {
                  setTurningAway(null);
                  if (removed) onStatus(t('waitingList.turnedAway', { name: person.name }));
                  void reload();
                }}
              />
            ) : (
              <div className="button-row person-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={admit.busy}
                  aria-label={t('waitingList.admitLabel', { name: person.name })}
                  onClick={() =>
                    admit.run(async () => {
                      await api.admitParticipant(person.id);
                      onStatus(t('waitingList.admitted', { name: person.name }));
                      await reload();
                    })
                  }
                >
                  {t('waitingList.admit')}
                </button>
                <button
                  type="button"
                  className="danger-text"
                  aria-label={t('waitingList.turnAwayLabel', { name: person.name })}
                  onClick={() => setTurningAway(person.id)}
                >
                  {t('waitingList.turnAway')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <CommandError failed={admit.failed} refusal={admit.refusal} fallback={t('waitingList.failed')} />
    </section>
  );
}
