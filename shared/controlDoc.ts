import * as Y from 'yjs';
import type { StakeholderGroup } from './groups.js';
import type { BoardSettings, Language, Phase } from './phases.js';
import { DEFAULT_SETTINGS } from './phases.js';

/**
 * The control document: phase, timer, settings, participants, vote rounds and results.
 * Only the server writes it (server/board/BoardControl.ts); clients sync a read-only copy and any
 * change they send is refused. Keeping it in its own document, rather than filtering updates to some
 * roots of the board document, follows Yjs's threat model: a trust boundary is a document boundary.
 */
export interface BoardMeta {
  title: string;
  question: string;
  language: Language;
  groups: StakeholderGroup[];
  phase: Phase;
  settings: BoardSettings;
  timer: TimerState;
  createdAt: number;
  /** Set while the facilitator has closed the workshop: nothing changes until it is reopened; exports stay. */
  closedAt: number | null;
}

export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };

export interface ParticipantInfo {
  id: string;
  name: string;
  organisation: string;
  group: string;
  joinedAt: number;
}

export const FACILITATOR_ID = 'facilitator';

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function participantsOf(doc: Y.Doc): Y.Map<ParticipantInfo> {
  return doc.getMap<ParticipantInfo>('participants');
}

/** Public state of each vote round (never a ballot): roundId → RoundState. */
export function roundsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('rounds');
}

/** Revealed tallies: roundId → Tally. Written once, on reveal. */
export function resultsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('results');
}

/** Agreement drafts and frozen versions of the priority list. */
export function agreementOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('agreement');
}

export function readMeta(doc: Y.Doc): BoardMeta | undefined {
  const m = metaOf(doc);
  if (!m.has('title')) return undefined;
  return {
    title: m.get('title') as string,
    question: (m.get('question') as string) ?? '',
    language: (m.get('language') as Language) ?? 'en',
    groups: (m.get('groups') as StakeholderGroup[]) ?? [],
    phase: (m.get('phase') as Phase) ?? 'setup',
    settings: { ...DEFAULT_SETTINGS, ...((m.get('settings') as Partial<BoardSettings>) ?? {}) },
    timer: (m.get('timer') as TimerState) ?? { status: 'idle' },
    createdAt: (m.get('createdAt') as number) ?? 0,
    closedAt: (m.get('closedAt') as number | null | undefined) ?? null,
  };
}

export function writeMeta(doc: Y.Doc, patch: Partial<BoardMeta>): void {
  const m = metaOf(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) m.set(key, value);
  });
}

export function readParticipants(doc: Y.Doc): ParticipantInfo[] {
  return Array.from(participantsOf(doc).values()).sort((a, b) => a.joinedAt - b.joinedAt);
}

/** Milliseconds left on the timer at `now` (server clock). */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now);
  if (timer.status === 'paused') return timer.remainingMs;
  return 0;
}
