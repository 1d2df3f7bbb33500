import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardSummary } from '../../../shared/api';
import { participantsOf, roundsOf, type BoardMeta } from '../../../shared/controlDoc';
import { selfCorrectionOpen } from '../../../shared/people';
import { saveBlob } from '../../app/saveBlob';
import { useT } from '../../app/i18n';
import { useCommand } from '../facilitation/useCommand';
import { useDocVersion } from '../useBoardData';
import { CorrectDetailsForm } from './CorrectDetailsForm';
import { fetchMyData } from './peopleApi';
import './people.css';

/** A participant's own details: corrected by themselves until voting starts, and downloadable as JSON. */
export function MyDetails({
  boardId,
  token,
  you,
  controlDoc,
  meta,
  onChanged,
}: {
  boardId: string;
  token: string;
  you: BoardSummary['you'] & { participantId: string };
  controlDoc: Y.Doc;
  meta: BoardMeta;
  onChanged: () => void;
}) {
  const t = useT();
  const version = useDocVersion(controlDoc);
  const me = useMemo(() => participantsOf(controlDoc).get(you.participantId), [controlDoc, you.participantId, version]);
  const roundCount = useMemo(() => roundsOf(controlDoc).size, [controlDoc, version]);
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
      const data = await fetchMyData(boardId, token);
      saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `forumboard-${meta.title}-${me.name}.json`);
    });

  return (
    <details className="panel my-details">
      <summary>{t('mine.heading')}</summary>
      {editing && open ? (
        <CorrectDetailsForm
          boardId={boardId}
          token={token}
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
          <p role="status" className="people-status">
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
        {download.failed && (
          <p className="form-error" role="alert">
            {t('people.failed')}
          </p>
        )}
      </div>
    </details>
  );
}
