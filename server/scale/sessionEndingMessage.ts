import { z } from 'zod';
import { sessionEnding, type SessionEnding } from '../../shared/sessionEnding.js';
import { INSTANCE_ID_BYTES } from './fanoutMessage.js';

/** A session ending on the sessions channel, JSON: the sending instance's id (hex), so it ignores its own. */
const envelope = z.strictObject({
  from: z.string().regex(new RegExp(`^[0-9a-f]{${INSTANCE_ID_BYTES * 2}}$`)),
  ending: sessionEnding,
});

export function encodeSessionEnding(instanceId: Uint8Array, ending: SessionEnding): string {
  return JSON.stringify({ from: Buffer.from(instanceId).toString('hex'), ending });
}

/** Null for anything that is not an ending this version wrote. */
export function decodeSessionEnding(raw: Buffer): { instanceId: Buffer; ending: SessionEnding } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const result = envelope.safeParse(parsed);
  return result.success ? { instanceId: Buffer.from(result.data.from, 'hex'), ending: result.data.ending } : null;
}
