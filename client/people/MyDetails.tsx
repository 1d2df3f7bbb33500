import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { readParticipant, readRounds, type BoardMeta } from '../../shared/controlDoc';
import { selfCorrectionOpen } from '../../shared/people';
import { saveBlob } from '../app/saveBlob';
import { useT } from '../app/i18n';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { CorrectDetailsForm } from './CorrectDetailsForm';
import './people.css';
import { CommandError } from '../kernel/commands/CommandError';

/** A participant's own details: corrected by themselves until voting starts, and downloadable as JSON. */
export function MyDetails({
  you,
  meta,
  onChanged,
}: {
  you: BoardSummary['you'] & { participantId: string };
  meta: BoardMeta;
  onChanged: () => void;
}) {
  const t = useT();
  const { api, controlDoc } = useBoard();
  const me = useDocSelector(controlDoc, (doc) => readParticipant(doc, you.participantId));
  const roundCount = useDocSelector(controlDoc, (doc) => readRounds(doc).length);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const download = useCommand();
  // The facilitator may correct these details at any time; the page's own summary (the header) then follows.
  // Once per new value: the summary is fetched again, and until it arrives the same value asks nothing more.
  const corrected = me !== undefined && (me.name !== you.name || me.group !== you.group) ? `${me.name}\n${me.group}` : null;
  useEffect(() => {
    if (corrected !== null) onChanged();
  }, [corrected]);
  if (!me) return null;
  const open = selfCorrectionOpen(meta.phase, roundCount);
  const groupName = meta.groups.find((g) => g.id === me.group)?.name ?? me.group;

  const save = () =>
    download.run(async () => {
      const data = await api.fetchMyData();
      saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `forumboard-${meta.title}-${me.name}.json`);
    });

  return (
    <details className="panel my-details">
      <summary>{t('mine.heading')}</summary>
      {editing && open ? (
        <CorrectDetailsForm
          person={me}
          groups={meta.groups}
          heading={t('mine.edit')}
          onDone={(changed) => {
            setEditing(false);
            setSaved(changed);
          }}
        />
      ) : (
        <>
          <ul className="my-details-list">
            <li>{t('mine.name', { name: me.name })}</li>
            {me.organisation && <li>{t('mine.organisation', { organisation: me.organisation })}</li>}
            <li>{t('mine.group', { group: groupName })}</li>
          </ul>
          <p role="status" className="panel-status">
            {saved ? t('mine.saved') : ''}
          </p>
          {open ? (
            <button type="button" onClick={() => setEditing(true)}>
              {t('mine.edit')}
            </button>
          ) : (
            <p className="muted">{t('mine.locked')}</p>
          )}
        </>
      )}
      <div className="my-data">
        <button type="button" onClick={save} disabled={download.busy} aria-describedby="my-data-hint">
          {t('mine.download')}
        </button>
        <p id="my-data-hint" className="muted">
          {t('mine.downloadHint')}
        </p>
        <CommandError failed={download.failed} refusal={download.refusal} fallback={t('people.failed')} />
      </div>
    </details>
  );
}
