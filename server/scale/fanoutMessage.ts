/**
 * One published update, binary: a format byte, the sending instance's id, the update's log sequence number,
 * then the Yjs update itself. Binary keeps an update's bytes as they are, with no base64 growth.
 */
const FORMAT = 1;
export const INSTANCE_ID_BYTES = 16;
const HEADER_BYTES = 1 + INSTANCE_ID_BYTES + 8;

export interface FanoutMessage {
  instanceId: Uint8Array;
  seq: number;
  update: Uint8Array;
}

export function encodeFanoutMessage(instanceId: Uint8Array, seq: number, update: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength);
  message[0] = FORMAT;
  message.set(instanceId, 1);
  message.writeBigUInt64BE(BigInt(seq), 1 + INSTANCE_ID_BYTES);
  message.set(update, HEADER_BYTES);
  return message;
}

/** Null for anything this version did not write (another format, or a truncated message). */
export function decodeFanoutMessage(message: Buffer): FanoutMessage | null {
  if (message.byteLength < HEADER_BYTES || message[0] !== FORMAT) return null;
  return {
    instanceId: message.subarray(1, 1 + INSTANCE_ID_BYTES),
    seq: Number(message.readBigUInt64BE(1 + INSTANCE_ID_BYTES)),
    update: message.subarray(HEADER_BYTES),
  };
}
