import { useState, type FormEvent } from 'react';
import type { OpenRoundBody } from '../../shared/api';
import { encodeSeen } from '../../shared/seenState';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { groupsAsShown, mergedGroups, MIN_SHOWN_GROUP_SIZE } from '../../shared/voting/anonymity';
import type { RoundState } from '../../shared/voting/types';
import { Field } from '../app/Field';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCommand } from '../kernel/commands/useCommand';
import type { RoundCommandDone } from './RoundCommandStatus';
import type { RevealedRound } from '../kernel/useRounds';
import { VoterProgress } from './VoterProgress';
import { CommandError } from '../kernel/commands/CommandError';

interface Props {
  rounds: RoundState[];
  revealed: RevealedRound[];
  groups: StakeholderGroup[];
  participants: ReadonlyMap<string, ParticipantInfo>;
  /** Whether the form for a new round starts folded away (after results, a new round is the exception). */
  folded: boolean;
  /** Called when the server has done a command, to say so. */
  onDone: (done: RoundCommandDone) => void;
}

/** The facilitator's side of voting: open a round (or a run-off), follow who has voted, close and reveal. */
export function RoundControls({ rounds, revealed, groups, participants, folded, onDone }: Props) {
  const t = useT();
  const { api, boardDoc } = useBoard();
  const { busy, failed, refusal, run } = useCommand();
  const current = rounds.find((round) => round.state !== 'revealed');

  /** Runs a round command that answers with its round's id; once the server has done it, says so. */
  const command = (state: RoundCommandDone['state'], action: () => Promise<string>) => run(async () => onDone({ roundId: await action(), state }));

  return (
    <section className="panel round-controls" aria-labelledby="round-controls-heading">
      <h2 id="round-controls-heading">{current ? t('round.heading', { number: current.number }) : t('round.newHeading')}</h2>
      {current ? (
        <>
          <p>{t(current.state === 'open' ? 'round.isOpen' : 'round.isClosed', { items: current.items.length, budget: current.settings.budget, cap: current.settings.cap })}</p>
          {current.state === 'open' && current.settings.anonymous && <SmallGroupsWarning groups={groups} participants={participants} />}
          <VoterProgress round={current} groups={groups} participants={participants} />
          <div className="button-row">
            {current.state === 'open' && (
              <button type="button" disabled={busy} onClick={() => command('closed', async () => (await api.closeRound(current.id)).id)}>
                {t('round.close')}
              </button>
            )}
            <button type="button" className="primary" disabled={busy} onClick={() => command('revealed', async () => (await api.revealRound(current.id)).roundId)}>
              {t('round.reveal')}
            </button>
          </div>
        </>
      ) : (
        <OpenRoundForm revealed={revealed} groups={groups} participants={participants} busy={busy} folded={folded} onOpen={(body) => command('open', async () => (await api.openRound({ ...body, seen: encodeSeen(boardDoc) })).id)} />
      )}
      <CommandError failed={failed} refusal={refusal} fallback={t('error.generic')} />
    </section>
  );
}

interface OpenRoundFormProps extends Pick<Props, 'revealed' | 'groups' | 'participants' | 'folded'> {
  busy: boolean;
  onOpen: (body: OpenRoundBody) => void;
}

function OpenRoundForm({ revealed, groups, participants, busy, folded, onOpen }: OpenRoundFormProps) {
  const t = useT();
  const [budget, setBudget] = useState(5);
  const [cap, setCap] = useState(3);
  const [anonymous, setAnonymous] = useState(true);
  const [runoffFrom, setRunoffFrom] = useState('');
  const [top, setTop] = useState(3);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onOpen({ budget, cap, anonymous, ...(runoffFrom ? { runoff: { fromRound: runoffFrom, top } } : {}) });
  };

  return (
    <details className="open-round" open={!folded}>
      <summary>{t('round.openForm')}</summary>
      <form onSubmit={submit}>
        <div className="number-fields">
          <NumberField label={t('round.budget')} hint={t('round.budgetHint')} value={budget} min={1} onChange={setBudget} />
          <NumberField label={t('round.cap')} hint={t('round.capHint')} value={cap} min={1} onChange={setCap} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <span>
            {t('round.anonymous')}
            <span className="hint block" aria-live="polite">{t(anonymous ? 'round.anonymousHint' : 'round.namedHint')}</span>
          </span>
        </label>
        {anonymous && <MergePreview groups={groups} participants={participants} />}
        {revealed.length > 0 && (
          <fieldset className="runoff">
            <legend>{t('round.itemsLegend')}</legend>
            <label className="field">
              <span>{t('round.runoffFrom')}</span>
              <select value={runoffFrom} onChange={(e) => setRunoffFrom(e.target.value)}>
                <option value="">{t('round.allItems')}</option>
                {revealed.map(({ round }) => (
                  <option key={round.id} value={round.id}>
                    {t('round.runoffOf', { number: round.number })}
                  </option>
                ))}
              </select>
            </label>
            {runoffFrom && <NumberField label={t('round.runoffTop')} value={top} min={2} onChange={setTop} />}
          </fieldset>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('round.open')}
        </button>
      </form>
    </details>
  );
}

/**
 * Which groups an anonymous round will count together if everyone here votes, and why: the tally's own rule
 * (groupsAsShown) over the people in each group now, so the facilitator can ask for more people before opening.
 */
function MergePreview({ groups, participants }: Pick<Props, 'groups' | 'participants'>) {
  const t = useT();
  const counts = groupSizes(groups, participants);
  const merged = mergedGroups(groupsAsShown(counts, true));
  const named = (ids: string[]) => namedWithSizes(ids, groups, counts);
  if (merged.length === 0) return <p className="hint">{t('round.preview.apart')}</p>;
  const added = merged.filter((id) => counts.get(id)! >= MIN_SHOWN_GROUP_SIZE);
  return (
    <div className="hint merge-preview" aria-live="polite">
      <p>{t('round.preview.merged', { groups: named(merged) })}</p>
      <SmallGroupsWarning groups={groups} participants={participants} />
      {added.length > 0 && <p>{t('round.preview.added', { groups: named(added) })}</p>}
      {merged.length === counts.size && <p>{t('round.preview.allMerged')}</p>}
    </div>
  );
}

/** The people in each of the board's groups now, for the groups that have any, in the board's order. */
function groupSizes(groups: readonly StakeholderGroup[], participants: Props['participants']): Map<string, number> {
  const people = new Map<string, number>();
  for (const person of participants.values()) people.set(person.group, (people.get(person.group) ?? 0) + 1);
  return new Map(groups.flatMap((group) => (people.has(group.id) ? [[group.id, people.get(group.id)!] as const] : [])));
}

function namedWithSizes(ids: string[], groups: readonly StakeholderGroup[], counts: ReadonlyMap<string, number>): string {
  return ids.map((id) => `${groups.find((group) => group.id === id)!.name} (${counts.get(id)})`).join(', ');
}

/**
 * While an anonymous round is open, the turnout everyone sees moves when a member of a group below the threshold
 * votes: the figures never tell what they gave, but the room can tell that they voted (docs/privacy.md).
 */
function SmallGroupsWarning({ groups, participants }: Pick<Props, 'groups' | 'participants'>) {
  const t = useT();
  const counts = groupSizes(groups, participants);
  const small = [...counts.keys()].filter((id) => counts.get(id)! < MIN_SHOWN_GROUP_SIZE);
  if (small.length === 0) return null;
  return (
    <p className="notice notice-warning" role="note">
      {t('round.preview.small', { groups: namedWithSizes(small, groups, counts) })} {t('round.smallGroupsTurnout')}
    </p>
  );
}

function NumberField({ label, hint, value, min, onChange }: { label: string; hint?: string; value: number; min: number; onChange: (value: number) => void }) {
  return (
    <Field
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={min}
      max={50}
      value={value}
      onChange={(e) => onChange(Math.max(min, Math.min(50, Number(e.target.value) || min)))}
    />
  );
}
