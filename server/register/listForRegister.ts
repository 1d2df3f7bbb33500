import type { PriorityList } from '../../shared/export/index.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';

/**
 * Which agreed list a register starts from: the latest frozen version. The one place to say more is required
 * of it first (that its delegates signed it off, say).
 */
export async function listForRegister(archive: AgreementArchive, boardId: string): Promise<PriorityList | null> {
  return (await archive.list(boardId)).at(-1)?.list ?? null;
}
