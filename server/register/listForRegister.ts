import type { PriorityList } from '../../shared/export/index.js';
import type { Signoffs } from '../agreement/Signoffs.js';
import { DomainError } from '../DomainError.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';

/**
 * Which agreed list a register starts from: the latest frozen version, and, where the facilitator named delegates,
 * only once they signed it off under the workshop's rule. A workshop that names no delegates starts from its
 * frozen list as it stands.
 */
export async function listForRegister(archive: AgreementArchive, signoffs: Pick<Signoffs, 'outcome'>, boardId: string): Promise<PriorityList | null> {
  const latest = (await archive.list(boardId)).at(-1);
  if (!latest) return null;
  const outcome = await signoffs.outcome(boardId, latest.version);
  if (outcome.groups.length > 0 && !outcome.met) {
    throw DomainError.refusal('conflict', 'not-signed-off', `version ${latest.version} is not signed off by the delegates yet`);
  }
  return latest.list;
}
