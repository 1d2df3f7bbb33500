import { useId, useRef, useState } from 'react';
import { useT } from './i18n';
import './copy-field.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only text with a copy button; falls back to selecting the text where the clipboard API is missing (plain http). */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<CopyState>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      input.current?.select();
      setState(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy} aria-label={t('share.copyLabel', { what: label })}>
          {t('share.copy')}
        </button>
      </div>
      <span className="copy-status" role="status">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.copyFailed') : ''}
      </span>
    </div>
  );
}
