import { readMeta } from '../../shared/controlDoc.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import type { Metrics } from '../metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { BoardPolicy } from './boardPolicy.js';
import { DocRoom } from './DocRoom.js';
import { READ_ONLY } from './types.js';

export interface RoomOptions {
  compactEvery: number;
  broadcastWindowMs: number;
}

/**
 * A board in memory: its board document (cards, themes, notes) and its control document (phase,
 * participants, rounds, results), loaded and unloaded together because the board's policy reads the
 * control state on every update.
 */
export class BoardRoom {
  readonly control: DocRoom;
  readonly board: DocRoom;

  constructor(readonly boardId: string, store: BoardStore, metrics: Metrics, options: RoomOptions) {
    this.control = new DocRoom(boardId, 'control', store, READ_ONLY, metrics, options);
    const policy = new BoardPolicy(() => {
      const meta = readMeta(this.control.doc);
      return { phase: meta?.phase ?? 'setup', settings: meta?.settings ?? DEFAULT_SETTINGS };
    });
    this.board = new DocRoom(boardId, 'board', store, policy, metrics, options);
  }

  docRoom(name: string): DocRoom | undefined {
    if (name === 'board') return this.board;
    if (name === 'control') return this.control;
    return undefined;
  }

  get peerCount(): number {
    return this.board.peers.size + this.control.peers.size;
  }

  unload(): void {
    this.board.unload();
    this.control.unload();
  }
}
