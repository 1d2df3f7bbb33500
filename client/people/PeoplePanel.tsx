import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { readMeta, readParticipants } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useCards, usePresence } from '../kernel/useBoardData';
import { CorrectDetailsForm } from './CorrectDetailsForm';
import { RemovePersonForm } from './RemovePersonForm';
import { useWaitingList, WaitingList } from './WaitingList';
import './people.css';

type Editing = { id: string; action: 'correct' | 'remove' } | null;
/** Where focus goes once a form closes; a new object for each request, so the same target twice still moves focus. */
type FocusRequest = { target: 'status' } | { target: 'button'; id: string } | null;

/**
 * Everyone who joined, online or not, for the facilitator: correct a person's details, or remove them.
 * Read from the control document, which the server keeps in step with its list of participants.
 */
export function PeoplePanel({ groups }: { groups: readonly StakeholderGroup[] }) {
  const t = useT();
  const { controlDoc, boardDoc, awareness } = useBoard();
  const people = useDocSelector(controlDoc, readParticipants);
  const cards = useCards(boardDoc);
  const anonymousCards = useDocSelector(controlDoc, (doc) => readMeta(doc)?.settings.anonymousCards ?? false);
  const strictAnonymity = useDocSelector(controlDoc, (doc) => readMeta(doc)?.settings.strictAnonymity ?? false);
  const { waiting, reload } = useWaitingList(strictAnonymity);
  const presence = usePresence(awareness);
  const online = useMemo(() => new Set(presence.map((entry) => entry.user?.id)), [presence]);
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest>(null);
  // In the commit that shows the announcement or the button again, never before it: an empty status is not displayed
  // and so refuses focus, and a timer set when the form closed could run before that commit on a busy machine.
  useLayoutEffect(() => {
    if (focusRequest === null) return;
    const element = focusRequest.target === 'status' ? statusRef.current : document.getElementById(focusRequest.id);
    element?.focus();
  }, [focusRequest]);

  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  const cardCountOf = (participantId: string) => (anonymousCards ? null : cards.filter((card) => card.author === participantId).length);
  const finish = (person: ParticipantInfo, action: 'correct' | 'remove', changed: boolean) => {
    setEditing(null);
    if (changed) setStatus(t(action === 'remove' ? 'people.removed' : 'people.saved', { name: person.name }));
    // A removed person's row is gone: the announcement is where focus can go. Otherwise back to the button.
    setFocusRequest(action === 'remove' && changed ? { target: 'status' } : { target: 'button', id: buttonId(person.id, action) });
  };

  return (
    <details className="panel people-panel">
      <summary>
        {t('people.heading')} <span className="count">({t('people.count', { count: people.length })})</span>
        {waiting.length > 0 && <span className="waiting-count"> {t('waitingList.count', { count: waiting.length })}</span>}
      </summary>
      <p ref={statusRef} className="panel-status" role="status" tabIndex={-1}>
        {status}
      </p>
      <WaitingList waiting={waiting} reload={reload} groups={groups} cardCountOf={cardCountOf} onStatus={setStatus} />
      {people.length === 0 && <p className="muted">{t('people.empty')}</p>}
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.id} className="person">
            <div className="person-line">
              <span className="person-name">{person.name}</span>
              {online.has(person.id) && <span className="person-online">{t('people.online')}</span>}
              <span className="person-meta">{[person.organisation, groupName(person.group)].filter(Boolean).join(' · ')}</span>
            </div>
            {editing?.id === person.id && editing.action === 'correct' ? (
              <CorrectDetailsForm
                person={person}
                groups={groups}
                heading={t('people.correctHeading', { name: person.name })}
                onDone={(saved) => finish(person, 'correct', saved)}
              />
            ) : editing?.id === person.id && editing.action === 'remove' ? (
              <RemovePersonForm
                person={person}
                cardCount={cardCountOf(person.id)}
                onDone={(removed) => finish(person, 'remove', removed)}
              />
            ) : (
              <div className="button-row person-actions">
                <button
                  type="button"
                  id={buttonId(person.id, 'correct')}
                 
                  aria-label={t('people.correctLabel', { name: person.name })}
                  onClick={() => setEditing({ id: person.id, action: 'correct' })}
                >
                  {t('people.correct')}
                </button>
                <button
                  type="button"
                  id={buttonId(person.id, 'remove')}
                  className="danger-text"
                  aria-label={t('people.removeLabel', { name: person.name })}
                  onClick={() => setEditing({ id: person.id, action: 'remove' })}
                >
                  {t('people.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function buttonId(participantId: string, action: 'correct' | 'remove'): string {
  return `person-${action}-${participantId}`;
}
