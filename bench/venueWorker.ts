import WebSocket from 'ws';
import * as Y from 'yjs';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { encodeAwarenessMessage, encodeAwarenessUpdate, encodeUpdateMessage, MESSAGE_SYNC, SYNC_UPDATE } from '../server/rooms/wire.js';
import { now, sleep } from './stats.js';

/**
 * A child process hosting the light clients of many boards for the venue section: per board one editor (a raw
 * socket with its own Y.Doc, writing a card title) and its receivers (raw sockets that note each update frame).
 * Every client, the editor too, publishes its presence at a phone's or a laptop's rate, as the board does. The
 * round trip of an edit is from the editor sending it until a receiver of its board has it.
 */
export type VenueCommand =
  | { type: 'open'; wsUrl: string; boards: Array<{ room: string; editorToken: string; observerToken: string }>; perBoard: number; batch: number }
  | { type: 'run'; ms: number; editEveryMs: number; presenceHz: number[] }
  | { type: 'close' };

export type VenueEvent =
  | { type: 'ready'; sockets: number }
  /** Each receiver's delay per edit, and per edit the delay until every receiver of its board had it (ms). */
  | { type: 'report'; deliveries: number[]; allHad: number[]; edits: number; closed: number }
  | { type: 'error'; message: string };

interface Board {
  editor: WebSocket;
  doc: Y.Doc;
  cardId: string;
  receivers: WebSocket[];
  edit: number;
  sentAt: number;
  heard: number;
}

const send = (event: VenueEvent) => process.send?.(event);
const boards: Board[] = [];
const sockets: WebSocket[] = [];
const deliveries: number[] = [];
const allHad: number[] = [];
let closed = 0;
let measuring = false;

function connect(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  sockets.push(ws);
  ws.on('close', () => closed++);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function openBoard(wsUrl: string, spec: Extract<VenueCommand, { type: 'open' }>['boards'][number], perBoard: number): Promise<void> {
  const editor = await connect(`${wsUrl}/${spec.room}?token=${spec.editorToken}`);
  const doc = new Y.Doc();
  const board: Board = { editor, doc, cardId: '', receivers: [], edit: 0, sentAt: 0, heard: 0 };
  doc.on('update', (update: Uint8Array) => editor.send(encodeUpdateMessage(update)));
  board.cardId = addCard(doc, { title: 'Venue #0', author: FACILITATOR_ID });
  board.receivers = await Promise.all(Array.from({ length: perBoard - 1 }, () => connect(`${wsUrl}/${spec.room}?token=${spec.observerToken}`)));
  for (const receiver of board.receivers) {
    let heardEdit = -1;
    receiver.on('message', (data: Buffer) => {
      if (data[0] !== MESSAGE_SYNC || data[1] !== SYNC_UPDATE || heardEdit === board.edit || board.edit === 0) return;
      heardEdit = board.edit;
      const delay = now() - board.sentAt;
      if (!measuring) return;
      deliveries.push(delay);
      if (++board.heard === board.receivers.length) allHad.push(delay);
    });
  }
  boards.push(board);
}

/** Presence as the board sends it (the card being typed in, or none), from a client id of its own. */
function publishPresence(ws: WebSocket, perSecond: number, timers: NodeJS.Timeout[]): void {
  const clientId = Math.floor(Math.random() * 2 ** 31);
  const everyMs = 1000 / perSecond;
  let clock = 0;
  const publish = () => {
    if (ws.readyState !== WebSocket.OPEN) return;
    clock++;
    ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId, clock, state: { typing: clock % 2 === 0 ? null : 'card-1' } }])));
  };
  timers.push(setTimeout(() => timers.push(setInterval(publish, everyMs)), Math.random() * everyMs));
}

async function run(command: Extract<VenueCommand, { type: 'run' }>): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  let i = 0;
  if (command.presenceHz.length > 0) for (const ws of sockets) publishPresence(ws, command.presenceHz[i++ % command.presenceHz.length], timers);
  for (const board of boards) {
    const edit = () => {
      board.edit++;
      board.heard = 0;
      board.sentAt = now();
      setCardTitle(board.doc, board.cardId, `Venue #${board.edit}`);
    };
    timers.push(setTimeout(() => timers.push(setInterval(edit, command.editEveryMs)), Math.random() * command.editEveryMs));
  }
  // The first seconds warm the server's code and fill its presence; they are not counted.
  await sleep(Math.min(5_000, command.ms / 4));
  measuring = true;
  const editsBefore = boards.reduce((sum, b) => sum + b.edit, 0);
  await sleep(command.ms);
  measuring = false;
  const edits = boards.reduce((sum, b) => sum + b.edit, 0) - editsBefore;
  timers.forEach((timer) => clearTimeout(timer));
  send({ type: 'report', deliveries, allHad, edits, closed });
}

process.on('message', (command: VenueCommand) => {
  const handle = async () => {
    if (command.type === 'open') {
      for (let start = 0; start < command.boards.length; start += command.batch) {
        await Promise.all(command.boards.slice(start, start + command.batch).map((spec) => openBoard(command.wsUrl, spec, command.perBoard)));
      }
      send({ type: 'ready', sockets: sockets.length });
    } else if (command.type === 'run') {
      await run(command);
    } else {
      sockets.forEach((ws) => ws.terminate());
      process.exit(0);
    }
  };
  handle().catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
process.on('disconnect', () => process.exit(0));
