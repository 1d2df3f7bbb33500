import type { Translate } from './i18n';
import { ApiFailure } from '../api/serverApi';

/**
 * Turns a failed call into a sentence in the reader's language. The server's own error text is English and
 * meant for developers, so it is never shown: a refusal is said by its code, a field by the label the reader sees.
 */
export function describeFailure(error: unknown, t: Translate, fieldLabels: Record<string, string> = {}): string {
  if (!(error instanceof ApiFailure)) return t('error.generic');
  if (error.status === 0) return t('error.network');
  if (error.body?.code) return t(`refusal.${error.body.code}`);
  const field = error.field?.split('.')[0];
  if (error.status === 400 && field && fieldLabels[field]) return t('error.invalidField', { field: fieldLabels[field] });
  return t('error.generic');
}
