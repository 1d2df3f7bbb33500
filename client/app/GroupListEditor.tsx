import { useRef, useState, useEffect } from 'react';
import { LIMITS } from '../../shared/limits';
import { useT } from './i18n';

/** A group in the editor: `id` once the workshop exists (a rename keeps it), `inUse` when someone joined it. */
export interface EditableGroup {
  id?: string;
  name: string;
  inUse?: boolean;
}

/** The editable list of stakeholder groups: rename in place, remove any not in use, add up to the limit. */
export function GroupListEditor({ groups, onChange }: { groups: EditableGroup[]; onChange: (groups: EditableGroup[]) => void }) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    const inputs = listRef.current?.querySelectorAll('input');
    const target = inputs?.[Math.min(focusIndex, inputs.length - 1)];
    target?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const rename = (index: number, name: string) => onChange(groups.map((g, i) => (i === index ? { ...g, name } : g)));
  const remove = (index: number) => {
    onChange(groups.filter((_, i) => i !== index));
    setFocusIndex(Math.max(0, index - 1));
  };
  const add = () => {
    onChange([...groups, { name: '' }]);
    setFocusIndex(groups.length);
  };

  return (
    <fieldset className="group-list">
      <legend>{t('start.create.groupsLegend')}</legend>
      <p className="hint">{t('start.create.groupsHint')}</p>
      <ol ref={listRef}>
        {groups.map(({ name, inUse }, index) => (
          <li key={index}>
            <input
              aria-label={inUse ? t('details.groupInUse', { n: index + 1, name }) : t('start.create.groupLabel', { n: index + 1 })}
              value={name}
              maxLength={LIMITS.maxGroupName}
              onChange={(e) => rename(index, e.target.value)}
            />
            {!inUse && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('start.create.removeGroup', { n: index + 1, name })}
                onClick={() => remove(index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {groups.length < LIMITS.maxGroups && (
        <button type="button" onClick={add}>
          {t('start.create.addGroup')}
        </button>
      )}
    </fieldset>
  );
}
