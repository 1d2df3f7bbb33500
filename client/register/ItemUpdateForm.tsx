import { useId, useState, type FormEvent } from 'react';
import { REGISTER_STATUSES, type RegisterItem, type RegisterStatus, type RegisterUpdateBody } from '../../shared/register';
import { describeFailure } from '../app/describeFailure';
import { Field } from '../app/Field';
import { SaveOrCancel } from '../app/SaveOrCancel';
import { SelectField } from '../app/SelectField';
import { useT } from '../app/i18n';

/** Sends an item's update: to the register itself, or through a follow-up workshop's progress check. */
export type SaveItemUpdate = (itemId: string, body: RegisterUpdateBody) => Promise<unknown>;

interface Props {
  save: SaveItemUpdate;
  item: Omit<RegisterItem, 'log' | 'source'>;
  asFacilitator: boolean;
  onDone: (saved: boolean) => Promise<void>;
}

/** "40", "40 %" or "40%" is a percentage; any other words are the owner's own. */
function progressOf(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const percent = /^(\d{1,3})\s*%?$/.exec(trimmed);
  return percent && Number(percent[1]) <= 100 ? Number(percent[1]) : trimmed;
}

/** Changes one priority: only the fields changed here are sent, with a note for the log. */
export function ItemUpdateForm({ save, item, asFacilitator, onDone }: Props) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<RegisterStatus>(item.status);
  const [dropReason, setDropReason] = useState(item.dropReason ?? '');
  const [progress, setProgress] = useState(item.progress === null ? '' : String(item.progress));
  const [nextReview, setNextReview] = useState(item.nextReview ?? '');
  const [owner, setOwner] = useState(item.owner);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: RegisterUpdateBody = { note: note.trim() };
    if (status !== item.status || (status === 'dropped' && dropReason.trim() !== (item.dropReason ?? ''))) {
      body.status = status;
      if (status === 'dropped') body.dropReason = dropReason.trim();
    }
    if (progressOf(progress) !== item.progress) body.progress = progressOf(progress);
    if ((nextReview || null) !== item.nextReview) body.nextReview = nextReview || null;
    if (asFacilitator && owner.trim() !== item.owner) body.owner = owner.trim();
    setBusy(true);
    setError(null);
    try {
      await save(item.itemId, body);
      await onDone(true);
    } catch (failure) {
      setError(
        describeFailure(failure, t, {
          dropReason: t('register.dropReasonLabel'),
          progress: t('register.progressLabel'),
          nextReview: t('register.nextReview'),
          note: t('register.noteLabel'),
          owner: t('register.field.owner'),
          status: t('register.field.status'),
        }),
      );
      setBusy(false);
    }
  };

  return (
    <form className="register-form" onSubmit={submit} aria-label={t('register.updateOf', { place: item.position, title: item.title })}>
      <SelectField label={t('register.field.status')} value={status} options={REGISTER_STATUSES.map((s) => ({ value: s, label: t(`register.status.${s}`) }))} onChange={setStatus} />
      {status === 'dropped' && <Field label={t('register.dropReasonLabel')} value={dropReason} maxLength={300} required onChange={(e) => setDropReason(e.target.value)} />}
      <Field label={t('register.progressLabel')} hint={t('register.progressHint')} value={progress} maxLength={80} onChange={(e) => setProgress(e.target.value)} />
      <Field label={t('register.nextReview')} type="date" value={nextReview} onChange={(e) => setNextReview(e.target.value)} />
      {asFacilitator && <Field label={t('register.field.owner')} value={owner} maxLength={120} required onChange={(e) => setOwner(e.target.value)} />}
      <div className="field">
        <label htmlFor={id}>{t('register.noteLabel')}</label>
        <textarea id={id} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} />
      </div>
      <SaveOrCancel error={error} busy={busy} saveLabel={busy ? t('register.saving') : t('register.save')} cancelLabel={t('register.cancel')} onCancel={() => void onDone(false)} />
    </form>
  );
}
