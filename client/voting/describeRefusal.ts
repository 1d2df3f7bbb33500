import { ApiFailure } from '../api/serverApi';
import type { Translate } from '../app/i18n';

/**
 * A refused vote or agreement command, in words. Unlike a form field, these refusals carry facts only the
 * server knows ("this round is closed", "at most 3 dots per item"), so its own sentence is shown.
 */
export function describeRefusal(error: unknown, t: Translate): string {
  if (!(error instanceof ApiFailure)) return t('error.generic');
  if (error.status === 0) return t('error.network');
  return error.body?.error ? t('refusal.server', { reason: error.body.error }) : t('error.generic');
}
