/** The end of an editing form: why saving failed, if it did, then save (or a destructive confirm) and cancel. */
export function SaveOrCancel({
  error,
  busy,
  saveLabel,
  cancelLabel,
  onCancel,
  destructive = false,
}: {
  error: string | null;
  busy: boolean;
  saveLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  destructive?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className={destructive ? 'danger' : 'primary'} disabled={busy}>
          {saveLabel}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
