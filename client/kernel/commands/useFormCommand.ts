import { useState, type FormEvent } from 'react';
import { describeFailure } from '../../app/describeFailure';
import { useT } from '../../app/i18n';

/**
 * Submits a form through a REST call: busy while it runs, and a refusal said in the reader's language when it
 * fails. On success it stays busy, since the form closes or the page moves on.
 */
export function useFormCommand(fieldLabels: Record<string, string> = {}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (action: () => Promise<unknown>) => async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(describeFailure(failure, t, fieldLabels));
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
