import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { SyncedDoc, type FatalReason, type RefusalReason } from './SyncedDoc';
import type { RefusalStep } from './RefusalStreak';
import { endingToShow } from './fatalReasons';
import { controlRoom } from '../../../shared/rooms';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** The last refusal of a change and what the connection does about it. */
export interface RefusalNotice {
  reason: RefusalReason;
  step: RefusalStep;
}

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  fatal: FatalReason | null;
  notice: RefusalNotice | null;
  boardDoc: Y.Doc;
  controlDoc: Y.Doc;
  awareness: Awareness;
  /** The control doc (title, phase, participants) has arrived at least once. */
  controlSynced: boolean;
}

/** Awareness updates are sent at most this often, whatever the typing does (the server drops floods). */
const AWARENESS_INTERVAL_MS = 500;

/**
 * A board's two live documents: the board doc (cards, themes, notes; writable by role) and the control doc
 * (phase, timer, participants, results; written by the server only). React reads it via subscribe/snapshot.
 */
export class BoardConnection {
  private readonly board: SyncedDoc;
  private readonly control: SyncedDoc;
  private readonly listeners = new Set<() => void>();
  private snapshot!: ConnectionSnapshot;
  private fatal: FatalReason | null = null;
  private notice: RefusalNotice | null = null;
  private everConnected = false;
  private typing: string | null = null;
  private typingSentAt = 0;
  private typingTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(boardId: string, token: string) {
    const events = {
      changed: () => this.update(),
      fatal: (reason: FatalReason) => {
        const shown = endingToShow(this.fatal, reason);
        if (shown === this.fatal) return;
        this.fatal = shown;
        this.update();
      },
      refused: (reason: RefusalReason, step: RefusalStep) => {
        this.notice = { reason, step };
        this.update();
      },
    };
    this.board = new SyncedDoc(boardId, token, events);
    this.control = new SyncedDoc(controlRoom(boardId), token, events);
    window.addEventListener('online', this.update);
    window.addEventListener('offline', this.update);
    this.update();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  dismissNotice(): void {
    this.notice = null;
    this.update();
  }

  /** Connects again after repeated refusals stopped a document. */
  reconnect(): void {
    this.notice = null;
    this.board.reconnect();
    this.control.reconnect();
    this.update();
  }

  /** Tells the others which card this person is typing in (null: none). */
  setTyping = (cardId: string | null): void => {
    if (cardId === this.typing) return;
    this.typing = cardId;
    if (this.typingTimer) return;
    const wait = Math.max(0, this.typingSentAt + AWARENESS_INTERVAL_MS - Date.now());
    this.typingTimer = setTimeout(() => {
      this.typingTimer = null;
      this.typingSentAt = Date.now();
      this.board.provider.awareness.setLocalStateField('typing', this.typing);
    }, wait);
  };

  destroy(): void {
    if (this.typingTimer) clearTimeout(this.typingTimer);
    window.removeEventListener('online', this.update);
    window.removeEventListener('offline', this.update);
    this.board.destroy();
    this.control.destroy();
    this.listeners.clear();
  }

  private update = (): void => {
    const bothConnected = this.board.status === 'connected' && this.control.status === 'connected';
    if (bothConnected) this.everConnected = true;
    const status: ConnectionStatus = !navigator.onLine
      ? 'offline'
      : bothConnected
        ? 'connected'
        : this.everConnected
          ? 'reconnecting'
          : 'connecting';
    const awareness = this.board.provider.awareness;
    // A rebuilt board doc comes with a fresh awareness: carry over what this person is typing in.
    if (awareness !== this.snapshot?.awareness) awareness.setLocalStateField('typing', this.typing);
    this.snapshot = {
      status,
      fatal: this.fatal,
      notice: this.notice,
      boardDoc: this.board.doc,
      controlDoc: this.control.doc,
      awareness,
      controlSynced: this.control.everSynced,
    };
    this.listeners.forEach((listener) => listener());
  };
}
