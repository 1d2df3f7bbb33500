import { useState } from 'react';
import type { ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { LIMITS } from '../../shared/limits';
import { Field } from '../app/Field';
import { SaveOrCancel } from '../app/SaveOrCancel';
import { SelectField } from '../app/SelectField';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useFormCommand } from '../kernel/commands/useFormCommand';

/** Name, organisation and group of one participant, corrected by the facilitator or by the person themselves. */
export function CorrectDetailsForm({
  person,
  groups,
  heading,
  onDone,
}: {
  person: ParticipantInfo;
  groups: readonly StakeholderGroup[];
  heading: string;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const { api } = useBoard();
  const [name, setName] = useState(person.name);
  const [organisation, setOrganisation] = useState(person.organisation);
  const [group, setGroup] = useState(person.group);
  const { busy, error, submit } = useFormCommand({ name: t('people.name'), organisation: t('people.organisation'), group: t('people.group') });
  const save = submit(async () => {
    await api.correctParticipant(person.id, { name, organisation, group });
    onDone(true);
  });

  return (
    <form className="person-form" onSubmit={save} aria-label={heading}>
      <p className="person-form-heading">{heading}</p>
      <Field label={t('people.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={LIMITS.maxName} autoFocus />
      <Field label={t('people.organisation')} value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={LIMITS.maxOrganisation} />
      <SelectField label={t('people.group')} value={group} options={groups.map((g) => ({ value: g.id, label: g.name }))} onChange={setGroup} />
      <SaveOrCancel error={error} busy={busy} saveLabel={t('people.save')} cancelLabel={t('people.cancel')} onCancel={() => onDone(false)} />
    </form>
  );
}
