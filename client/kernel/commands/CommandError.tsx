/**
 * Why a command failed, where it was given: the server's reason in the reader's language when it gave one
 * (see useCommand), else the view's own general message.
 */
export function CommandError({ failed, refusal, fallback }: { failed: boolean; refusal: string | null; fallback: string }) {
  if (!failed) return null;
  return (
    <p className="form-error" role="alert">
      {refusal ?? fallback}
    </p>
  );
}
