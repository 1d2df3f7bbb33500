import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionStatus } from '../kernel/sync/BoardConnection';
import { BallotSender, type BallotAddress, type BallotSnapshot } from './BallotSender';

/** The voter's ballot for one round, with a sender that retries when the board reconnects. */
export function useBallotSender({ boardId, token, roundId, participantId }: BallotAddress, connection: ConnectionStatus): BallotSender | null {
  const [sender, setSender] = useState<BallotSender | null>(null);
  useEffect(() => {
    const created = new BallotSender({ boardId, token, roundId, participantId });
    setSender(created);
    return () => created.destroy();
  }, [boardId, token, roundId, participantId]);
  useEffect(() => {
    if (connection === 'connected') sender?.retryNow();
  }, [connection, sender]);
  return sender;
}

export function useBallotSnapshot(sender: BallotSender): BallotSnapshot {
  return useSyncExternalStore(sender.subscribe, sender.getSnapshot);
}
