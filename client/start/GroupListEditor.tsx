import { useRef, useState, useEffect } from 'react';
import { LIMITS } from '../../shared/limits';
import { useT } from '../app/i18n';

/** The editable list of stakeholder groups: rename in place, remove any, add up to the limit. */
export function GroupListEditor({ groups, onChange }: { groups: string[]; onChange: (groups: string[]) => void }) {
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

  const rename = (index: number, name: string) => onChange(groups.map((g, i) => (i === index ? name : g)));
  const remove = (index: number) => {
    onChange(groups.filter((_, i) => i !== index));
    setFocusIndex(Math.max(0, index - 1));
  };
  const add = () => {
    onChange([...groups, '']);
    setFocusIndex(groups.length);
  };

  return (
    <fieldset className="group-list">
      <legend>{t('start.create.groupsLegend')}</legend>
      <p className="hint">{t('start.create.groupsHint')}</p>
      <ol ref={listRef}>
        {groups.map((name, index) => (
          <li key={index}>
            <input
              aria-label={t('start.create.groupLabel', { n: index + 1 })}
              value={name}
              maxLength={LIMITS.maxGroupName}
              onChange={(e) => rename(index, e.target.value)}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('start.create.removeGroup', { n: index + 1, name })}
              onClick={() => remove(index)}
            >
              <span aria-hidden="true">×</span>
            </button>
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
