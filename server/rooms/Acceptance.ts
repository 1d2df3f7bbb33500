import type { Metrics } from '../metrics.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import { StoreUnavailable } from '../storage/StoreUnavailable.js';
import type { AcceptedState, Change } from './AcceptedState.js';
import type { Broadcast } from './Broadcast.js';
import type { Compaction } from './Compaction.js';
import type { SeqWatermark } from './SeqWatermark.js';
import type { ChangePolicy, DocRoomOptions, UpdateOrigin } from './types.js';

/**
 * What the room does with an accepted update, by origin: the one place that decides. Every accepted update is
 * applied and broadcast to the peers here (only a client's was judged, by PeerJudge); what this instance did
 * not store itself was stored (and derived from, and published) by the instance that did.
 */
const HANDLING: Record<UpdateOrigin['kind'], { stored: boolean }> = {
  peer: { stored: true },
  server: { stored: true },
  remote: { stored: false },
};

/** The parts of the room an accepted change goes through. */
export interface RoomParts {
  state: AcceptedState;
  applied: SeqWatermark;
  compaction: Compaction;
  broadcast: Broadcast;
}

/**
 * What follows an accepted change: the durable append (its seq), the in-memory accepted state, the broadcast,
 * then the policy's indexes, the fan-out and derived state — nothing reaches anyone before it is stored, and
 * nothing that can wait delays the peers.
 */
export class Acceptance {
  constructor(
    private readonly where: { boardId: string; name: string },
    private readonly log: DocumentLog,
    private readonly policy: ChangePolicy,
    private readonly metrics: Metrics,
    private readonly options: Pick<DocRoomOptions, 'health' | 'log' | 'fanout' | 'onChange'> & {
      /** Told of every change another instance made, once it is applied here. */
      onRemoteChange?: () => void;
    },
    private readonly parts: RoomParts,
  ) {}

  /** Rejects, before anything is sent, when the append fails; the caller undoes the change. */
  async accept(change: Change, origin: UpdateOrigin, derived: (() => unknown) | null): Promise<void> {
    const { where, policy, metrics } = this;
    const { state, applied, compaction, broadcast } = this.parts;
    const { fanout, log: logger } = this.options;
    const handling = HANDLING[origin.kind];
    const seq = handling.stored ? await this.append(change.update) : (origin as { seq: number }).seq;
    applied.add(seq);
    compaction.count();
    state.keep(change.update);
    broadcast.update(change.update, origin.kind === 'peer' ? origin.peer : null);
    policy.accepted(change.tr, state.doc);
    if (!handling.stored) return void this.options.onRemoteChange?.();
    fanout?.publish(where.boardId, where.name, seq, change.update);
    if (origin.kind === 'peer') metrics.updatesApplied.inc();
    this.options.onChange?.(where.boardId);
    // The change itself is stored and goes out; a derived document that fails undid its own part and
    // catches up with the next change (a derivation writes the whole difference, not a delta).
    const logDerivationFailure = (err: unknown) =>
      logger.error('derived state could not be written', { board: where.boardId, doc: where.name, error: String(err), stack: (err as Error)?.stack });
    try {
      void Promise.resolve(derived?.()).catch(logDerivationFailure);
    } catch (err) {
      logDerivationFailure(err);
    }
  }

  /**
   * Appends durably and resolves to the seq; rejects with StoreUnavailable (the database cannot be reached)
   * or a StorageFailure (logged, and /healthz told) when the database cannot write.
   */
  private async append(update: Uint8Array): Promise<number> {
    const { where, log, metrics } = this;
    const { health } = this.options;
    const started = performance.now();
    let seq: number;
    try {
      seq = await log.append(where.boardId, where.name, update);
    } catch (err) {
      metrics.storageFailures.inc();
      const failure = health.failed(err, { board: where.boardId, doc: where.name, during: 'append' });
      throw err instanceof StoreUnavailable ? err : failure;
    }
    health.wrote();
    metrics.appendSeconds.observe((performance.now() - started) / 1000);
    return seq;
  }
}
