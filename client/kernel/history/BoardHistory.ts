import * as Y from 'yjs';
import { cardsOf, clustersOf } from '../../../shared/boardDoc';
import type { Removal } from '../../../shared/permissions';

/** The origin of this person's own board changes: the undo stack tracks these and nobody else's. */
const OWN_CHANGE = Symbol('own board change');

export interface HistorySnapshot {
  canUndo: boolean;
  canRedo: boolean;
  /** The last destructive change, said in words, with an Undo beside it until it is dismissed or undone. */
  notice: { id: number; message: string } | null;
}

/**
 * This person's undo and redo of their own moves, merges, removed themes and deleted cards. Yjs's UndoManager
 * reverts only the changes made with OWN_CHANGE as origin, so undoing never takes back what someone else did
 * meanwhile. One per board document, shared by every component that changes the board.
 */
export class BoardHistory {
  private static readonly byDoc = new WeakMap<Y.Doc, BoardHistory>();

  static of(doc: Y.Doc): BoardHistory {
    let history = BoardHistory.byDoc.get(doc);
    if (!history) {
      history = new BoardHistory(doc);
      BoardHistory.byDoc.set(doc, history);
    }
    return history;
  }

  private readonly undoManager: Y.UndoManager;
  private readonly listeners = new Set<() => void>();
  private snapshot: HistorySnapshot = { canUndo: false, canRedo: false, notice: null };
  private noticeCount = 0;
  /** What this person may remove in one change (shared/permissions.ts); an undo beyond it is not offered. */
  private mayRemove: (removal: Removal) => boolean = () => true;

  private constructor(private readonly doc: Y.Doc) {
    // Each command is its own step: two quick moves are undone one at a time.
    this.undoManager = new Y.UndoManager([cardsOf(doc), clustersOf(doc)], { trackedOrigins: new Set([OWN_CHANGE]), captureTimeout: 0 });
    const refresh = () => this.update({});
    this.undoManager.on('stack-item-added', refresh);
    this.undoManager.on('stack-item-popped', refresh);
    this.undoManager.on('stack-cleared', refresh);
  }

  /** Runs a board change as one undoable step; with `notice`, the change is announced with an Undo button. */
  change(apply: () => void, notice?: string): void {
    this.doc.transact(apply, OWN_CHANGE);
    if (notice) this.update({ notice: { id: ++this.noticeCount, message: notice } });
  }

  /** Set by the view that knows this person's abilities: the server would refuse an undo beyond them. */
  limitRemovals(mayRemove: (removal: Removal) => boolean): void {
    this.mayRemove = mayRemove;
    this.update({});
  }

  undo = (): void => {
    if (this.undoAllowed()) this.undoManager.undo();
    this.update({ notice: null });
  };

  /**
   * Undoing takes away what the change added: new cards, and new themes with whatever was moved into them since.
   * Whether that is within what this person may remove at once, as the server will judge it.
   */
  private undoAllowed(): boolean {
    const step = this.undoManager.undoStack.at(-1);
    if (!step) return false;
    const added = (type: Y.Map<unknown>) => type._item !== null && Y.isDeleted(step.insertions, type._item.id);
    const held = new Set<unknown>();
    let cards = 0;
    cardsOf(this.doc).forEach((card) => {
      held.add(card.get('cluster'));
      if (added(card)) cards++;
    });
    let themesWithCards = 0;
    clustersOf(this.doc).forEach((theme, id) => {
      if (added(theme) && held.has(id)) themesWithCards++;
    });
    return this.mayRemove({ cards, themesWithCards });
  }

  redo = (): void => {
    this.undoManager.redo();
  };

  dismissNotice = (): void => this.update({ notice: null });

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): HistorySnapshot => this.snapshot;

  private update(patch: Partial<HistorySnapshot>): void {
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      canUndo: this.undoAllowed(),
      canRedo: this.undoManager.canRedo(),
    };
    for (const listener of this.listeners) listener();
  }
}
