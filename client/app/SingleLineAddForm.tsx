import { useId, useState, type FormEvent } from 'react';
import './add-line.css';

interface Props {
  label: string;
  placeholder: string;
  submitLabel: string;
  maxLength: number;
  /** The board holds as many as it may: the form stays visible but says so. */
  fullMessage: string | null;
  onAdd: (text: string) => void;
}

/** One labelled line and a button: how a card or a theme is added. */
export function SingleLineAddForm({ label, placeholder, submitLabel, maxLength, fullMessage, onAdd }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const full = fullMessage !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || full) return;
    onAdd(trimmed);
    setText('');
  };

  return (
    <form className="add-line" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <div className="add-line-row">
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={maxLength}
          placeholder={placeholder}
          autoComplete="off"
          disabled={full}
        />
        <button type="submit" className="primary" disabled={full || text.trim() === ''}>
          {submitLabel}
        </button>
      </div>
      {full && <p className="form-error">{fullMessage}</p>}
    </form>
  );
}
