import crypto from 'node:crypto';
import type { SignoffDecision } from '../../shared/signoff.js';

/**
 * The board's record: every frozen version and every sign-off, numbered 1, 2, 3 … per board in the order they were
 * written, each sealed with the SHA-256 of the seal before it and of its own content as stored. A stored row changed
 * afterwards no longer matches its seal, and a row taken out breaks the link of the one after it.
 */
export type RecordContent = { kind: 'version'; seq: number; version: number; frozenAt: number; data: string } | ({ kind: 'signoff'; seq: number } & SignoffDecision);

/** Both null on versions frozen before the record was kept: they come before the chain and are shown as unsealed. */
export interface Seal {
  prevHash: string | null;
  hash: string | null;
}

export type RecordEntry = RecordContent & Seal;

/** What a seal covers: every stored column of the entry's row, in a fixed order. */
function canonicalContent(entry: RecordContent): string {
  if (entry.kind === 'version') return JSON.stringify(['version', entry.seq, entry.version, entry.frozenAt, entry.data]);
  const { seq, version, participantId, name, organisation, group, decision, reason, signedAt } = entry;
  return JSON.stringify(['signoff', seq, version, participantId, name, organisation, group, decision, reason, signedAt]);
}

/** The seal of `entry` written after the entry sealed `prevHash` (null for the first). */
export function sealOf(entry: RecordContent, prevHash: string | null): string {
  return crypto.createHash('sha256').update(`${prevHash ?? ''}\n${canonicalContent(entry)}`).digest('hex');
}

/** The next entry after `head` (the board's last, if any): its number, the seal before it and its own seal. */
export function sealAfter(head: { seq: number; hash: string | null } | undefined, content: (seq: number) => RecordContent): [number, string | null, string] {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? null;
  return [seq, prevHash, sealOf(content(seq), prevHash)];
}

/** The versions' and the sign-offs' rows of one board as one record, in the order written. */
export function inRecordOrder(versions: RecordEntry[], signoffs: RecordEntry[]): RecordEntry[] {
  return [...versions, ...signoffs].sort((a, b) => a.seq - b.seq);
}

/** Whether a record holds: where it breaks first, if it does, and how. */
export interface RecordCheck {
  verifies: boolean;
  /** The number of the first entry that does not hold; null when all do. */
  brokenAt: number | null;
  /** changed: its content no longer matches its seal; unlinked: it does not follow the entry before it; unsealed: a seal is missing. */
  problem: 'changed' | 'unlinked' | 'unsealed' | null;
}

/** Checks every seal and every link, from the first entry to the last; unsealed versions may only come first. */
export function checkRecord(entries: readonly RecordEntry[]): RecordCheck {
  let prevHash: string | null = null;
  let sealed = false;
  for (const entry of entries) {
    const broken = (problem: NonNullable<RecordCheck['problem']>): RecordCheck => ({ verifies: false, brokenAt: entry.seq, problem });
    if (entry.hash === null) {
      if (sealed || entry.kind !== 'version') return broken('unsealed');
      continue;
    }
    if (entry.prevHash !== prevHash) return broken('unlinked');
    if (sealOf(entry, entry.prevHash) !== entry.hash) return broken('changed');
    prevHash = entry.hash;
    sealed = true;
  }
  return { verifies: true, brokenAt: null, problem: null };
}
