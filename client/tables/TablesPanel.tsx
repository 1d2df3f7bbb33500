import { useState, type FormEvent } from 'react';
import type { MergeSuggestions } from '../../shared/tables/api';
import type { Seating, TableInfo } from '../../shared/tables/seating';
import { readMeta, type ParticipantInfo } from '../../shared/controlDoc';
import type { StakeholderGroup } from '../../shared/groups';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';
import { useCommand } from '../kernel/commands/useCommand';
import { useDocSelector } from '../kernel/sync/useDocSelector';
import { useParticipants } from '../kernel/useBoardData';
import { useTableLabel } from '../kernel/useTableLabel';
import { TimerControls } from '../timer/PhaseTimer';
import { TableClock, TablesMosaic } from './TableGlance';
import { useSeating } from './useSeating';

/** The facilitator's breakout tables: seat everyone, adjust, see every table at a glance, merge back. */
export function TablesPanel() {
  const t = useT();
  const { controlDoc } = useBoard();
  const seating = useSeating();
  const people = useParticipants(controlDoc);
  const groupNames = useDocSelector(controlDoc, (doc) => readMeta(doc)?.groups ?? NO_GROUPS);
  const { busy, failed, refusal, run } = useCommand();
  return (
    <details className="panel tables-panel" open={seating.tables.length > 0}>
      <summary>{t('tables.panel')}</summary>
      <ProposeForm run={run} busy={busy} />
      {seating.tables.length > 0 && (
        <>
          <TablesMosaic />
          {seating.tables.map((table) => (
            <TableEditor key={table.id} table={table} seating={seating} people={people} groups={groupNames} run={run} />
          ))}
          <MergeForm run={run} busy={busy} />
        </>
      )}
      <CommandError failed={failed} refusal={refusal} fallback={t('tables.failed')} />
    </details>
  );
}

const NO_GROUPS: StakeholderGroup[] = [];

type Run = (action: () => Promise<unknown>) => Promise<void>;

function ProposeForm({ run, busy }: { run: Run; busy: boolean }) {
  const t = useT();
  const { api } = useBoard();
  const [by, setBy] = useState<'count' | 'size'>('size');
  const [value, setValue] = useState(8);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => api.proposeTables(by === 'count' ? { count: value } : { size: value }));
  };
  return (
    <form className="tables-propose" onSubmit={submit}>
      <p className="hint">{t('tables.proposeHint')}</p>
      <label className="checkbox">
        <input type="radio" name="tables-by" checked={by === 'size'} onChange={() => setBy('size')} /> {t('tables.bySize')}
      </label>
      <label className="checkbox">
        <input type="radio" name="tables-by" checked={by === 'count'} onChange={() => setBy('count')} /> {t('tables.byCount')}
      </label>
      <input type="number" min={1} max={by === 'count' ? 40 : 1000} value={value} onChange={(e) => setValue(Number(e.target.value))} aria-label={t(by === 'count' ? 'tables.byCount' : 'tables.bySize')} />
      <button type="submit" disabled={busy}>
        {t('tables.propose')}
      </button>
    </form>
  );
}

interface EditorProps {
  table: TableInfo;
  seating: Seating;
  people: ReadonlyMap<string, ParticipantInfo>;
  groups: readonly StakeholderGroup[];
  run: Run;
}

function TableEditor({ table, seating, people, groups, run }: EditorProps) {
  const t = useT();
  const { api } = useBoard();
  const label = useTableLabel();
  const members = Object.entries(seating.seats).flatMap(([id, tableId]) => (tableId === table.id && people.get(id) ? [people.get(id)!] : []));
  return (
    <fieldset className="table-editor">
      <legend>{label(table)}</legend>
      {seating.wall === table.id ? (
        <button type="button" aria-pressed onClick={() => void run(() => api.showTableOnWall(null))}>
          {t('tables.backToMosaic')}
        </button>
      ) : (
        <button type="button" onClick={() => void run(() => api.showTableOnWall(table.id))}>
          {t('tables.showOnWall')}
        </button>
      )}
      <label>
        {t('tables.name')}
        <input defaultValue={table.name} maxLength={60} onBlur={(e) => e.target.value !== table.name && void run(() => api.editTable(table.id, { name: e.target.value }))} />
      </label>
      <label>
        {t('tables.hostLabel')}
        <select value={table.hostId ?? ''} onChange={(e) => void run(() => api.editTable(table.id, { hostId: e.target.value || null }))}>
          <option value="">{t('tables.noHost')}</option>
          {members.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <div className="table-editor-timer">
        <TableClock timer={table.timer} />
        <TimerControls timer={table.timer} tableId={table.id} />
      </div>
      <ul className="table-members">
        {members.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} <span className="muted">({groups.find((g) => g.id === p.group)?.name ?? p.group})</span>
            </span>
            <select aria-label={t('tables.moveTo', { name: p.name })} value={table.id} onChange={(e) => void run(() => api.moveSeat(p.id, e.target.value))}>
              {seating.tables.map((other) => (
                <option key={other.id} value={other.id}>
                  {label(other)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function MergeForm({ run, busy }: { run: Run; busy: boolean }) {
  const t = useT();
  const { api } = useBoard();
  const [suggested, setSuggested] = useState<MergeSuggestions['combine']>([]);
  const [chosen, setChosen] = useState<Record<number, string | null>>({});
  const [merged, setMerged] = useState<{ cards: number; themes: number } | null>(null);
  const find = () =>
    run(async () => {
      const { combine } = await api.fetchMergeSuggestions();
      setSuggested(combine);
      setChosen(Object.fromEntries(combine.map((group, i) => [i, group.title])));
    });
  const merge = () =>
    run(async () => {
      const combine = suggested.flatMap((group, i) => {
        const title = chosen[i];
        return title ? [{ title, themes: group.themes.map(({ tableId, themeId }) => ({ tableId, themeId })) }] : [];
      });
      setMerged(await api.mergeTables({ combine }));
    });
  return (
    <section className="tables-merge">
      <h3>{t('tables.merge')}</h3>
      <p className="hint">{t('tables.mergeHint')}</p>
      <button type="button" onClick={() => void find()} disabled={busy}>
        {t('tables.findAlike')}
      </button>
      <ul className="tables-alike">
        {suggested.map((group, i) => (
          <li key={i}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen[i] != null} onChange={(e) => setChosen((c) => ({ ...c, [i]: e.target.checked ? group.title : null }))} />
              <span>{group.themes.map((theme) => theme.title).join(' · ')}</span>
            </label>
            {chosen[i] != null && (
              <label>
                {t('tables.combineAs')} <input value={chosen[i] ?? ''} maxLength={80} onChange={(e) => setChosen((c) => ({ ...c, [i]: e.target.value }))} />
              </label>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => void merge()} disabled={busy}>
        {t('tables.merge')}
      </button>
      <p role="status">{merged && t('tables.merged', merged)}</p>
      <button type="button" onClick={() => void run(() => api.endTables())} disabled={busy}>
        {t('tables.end')}
      </button>
    </section>
  );
}
