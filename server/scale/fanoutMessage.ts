/**
 * What travels on a document's channel, binary: a kind byte and the sending instance's id, then
 * - an update: the update's log sequence number and the Yjs update itself;
 * - presence: an awareness update (y-protocols' encoding) of the sender's connections on the document;
 * - a presence query: nothing more (the sender just loaded the document and asks everyone for their presence).
 * Binary keeps an update's bytes as they are, with no base64 growth.
 */
const UPDATE = 1;
const PRESENCE = 2;
const PRESENCE_QUERY = 3;
export const INSTANCE_ID_BYTES = 16;
const ID_END = 1 + INSTANCE_ID_BYTES;
const SEQ_END = ID_END + 8;

export type FanoutMessage =
  | { kind: 'update'; instanceId: Uint8Array; seq: number; update: Uint8Array }
  | { kind: 'presence'; instanceId: Uint8Array; update: Uint8Array }
  | { kind: 'presence-query'; instanceId: Uint8Array };

export function encodeFanoutMessage(instanceId: Uint8Array, seq: number, update: Uint8Array): Buffer {
  const message = header(UPDATE, instanceId, SEQ_END + update.byteLength);
  message.writeBigUInt64BE(BigInt(seq), ID_END);
  message.set(update, SEQ_END);
  return message;
}

export function encodePresenceMessage(instanceId: Uint8Array, update: Uint8Array): Buffer {
  const message = header(PRESENCE, instanceId, ID_END + update.byteLength);
  message.set(update, ID_END);
  return message;
}

export function encodePresenceQuery(instanceId: Uint8Array): Buffer {
  return header(PRESENCE_QUERY, instanceId, ID_END);
}

/** Null for anything this version did not write (another kind, or a truncated message). */
export function decodeFanoutMessage(message: Buffer): FanoutMessage | null {
  if (message.byteLength < ID_END) return null;
  const instanceId = message.subarray(1, ID_END);
  switch (message[0]) {
    case UPDATE:
      return message.byteLength < SEQ_END ? null : { kind: 'update', instanceId, seq: Number(message.readBigUInt64BE(ID_END)), update: message.subarray(SEQ_END) };
    case PRESENCE:
      return { kind: 'presence', instanceId, update: message.subarray(ID_END) };
    case PRESENCE_QUERY:
      return { kind: 'presence-query', instanceId };
    default:
      return null;
  }
}

function header(kind: number, instanceId: Uint8Array, bytes: number): Buffer {
  const message = Buffer.allocUnsafe(bytes);
  message[0] = kind;
  message.set(instanceId, 1);
  return message;
}
