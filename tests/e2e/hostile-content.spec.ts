import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api';
import { addCard as addCardToDoc, cardsOf } from '../../shared/boardDoc';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores';
import { addCard, joinForm, person, test } from './support';

/**
 * Content the editor does not know can no longer get onto a board (the server judges every change against the
 * editor's schema), but a board may hold some from before that rule. This test writes such a card straight into
 * storage, as an older server accepted it, and opens it in a browser: the page must neither loop on refusals
 * (the editor "repairing" someone else's card) nor lose the reader's own edits.
 */

let server: ChildProcess | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-hostile-e2e-'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  await expect
    .poll(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
      } catch {
        return 0;
      }
    }, { timeout: 60_000 })
    .toBe(200);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function post<T>(base: string, route: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status, `${route}: ${res.status}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Opens a card's details, through the card's action menu where it has one. */
async function openDetails(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  const menu = page.getByRole('button', { name: `Actions for card: ${title}` });
  if ((await menu.count()) > 0) await menu.click();
  await page.getByRole('button', { name: `Open details of card: ${title}` }).click();
}

test.afterAll(async () => {
  await stopServer();
});

test('a card with content from before the schema opens without a refusal loop, and the reader keeps their own edits', async ({ browser }) => {
  // This test starts its own server twice, to write into its storage in between.
  test.setTimeout(180_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await startServer(port);
  const board = await post<CreateBoardResponse>(base, '/api/boards', { title: 'Regional skills forum', question: 'What holds our industry back?', language: 'en' });
  const mallory = await post<JoinResponse>(base, `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Mallory', group: 'Company' });
  await post(base, `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  await stopServer();

  // Mallory's card as an older server stored it: a heading level and a node the editor does not know.
  const crafted = new Y.Doc();
  const cardId = addCardToDoc(crafted, { title: 'Mallory was here', author: mallory.participantId });
  const body = cardsOf(crafted).get(cardId)!.get('body') as Y.XmlFragment;
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', '-5');
  heading.insert(0, [new Y.XmlText('A heading the editor cannot have')]);
  const frame = new Y.XmlElement('iframe');
  frame.setAttribute('src', 'https://evil.example/');
  frame.insert(0, [new Y.XmlText('framed words')]);
  body.insert(0, [heading, frame]);
  const stores = openSqliteStores(path.join(dataDir, 'forumboard.db'));
  await stores.log.append(board.boardId, 'board', Y.encodeStateAsUpdate(crafted));
  await stores.close();
  await startServer(port);

  const lars = await person(browser);
  const boardSockets: string[] = [];
  lars.on('websocket', (ws) => {
    if (new URL(ws.url()).pathname === `/ws/${board.boardId}`) boardSockets.push(ws.url());
  });
  await lars.goto(`${base}/join/${board.joinCode}`);
  await joinForm(lars, { name: 'Lars Nilsson', organisation: 'Nilsson Verkstad', group: 'Company' });

  // Lars writes the details of his own card first.
  await addCard(lars, 'Too few welders');
  await openDetails(lars, 'Too few welders');
  const own = lars.getByRole('dialog', { name: 'Too few welders' });
  const editor = own.getByRole('textbox', { name: 'Details of the card' });
  await editor.click();
  await editor.pressSequentially('Four vacancies open for a year');
  await own.getByRole('button', { name: 'Close' }).click();

  // He opens Mallory's card: its words as plain text and a note why, no editor that would rewrite it.
  await openDetails(lars, 'Mallory was here');
  const foreign = lars.getByRole('dialog', { name: 'Mallory was here' });
  await expect(foreign.getByText('This text holds formatting the editor does not know')).toBeVisible();
  await expect(foreign.getByText('framed words')).toBeVisible();
  // No editor of the card's details (the comment field below them is the only text box).
  await expect(foreign.getByRole('textbox', { name: 'Details of the card' })).toHaveCount(0);
  await expect(foreign.locator('iframe')).toHaveCount(0);
  await foreign.getByRole('button', { name: 'Close' }).click();

  // And goes on writing in his own card.
  await openDetails(lars, 'Too few welders');
  await editor.click();
  await editor.press('End');
  await editor.pressSequentially(', two of them for welders.');
  await own.getByRole('button', { name: 'Close' }).click();

  // The facilitator, in a browser of their own, reads all of Lars's words from the server.
  const facilitator = await person(browser);
  await facilitator.goto(board.links.facilitator.replace(/^https?:\/\/[^/]+/, base));
  await openDetails(facilitator, 'Too few welders');
  await expect(facilitator.getByRole('dialog', { name: 'Too few welders' }).getByRole('textbox', { name: 'Details of the card' })).toHaveText(
    'Four vacancies open for a year, two of them for welders.',
  );

  // Lars's board connection was never refused and never rebuilt: one socket all along.
  expect(boardSockets).toHaveLength(1);
});
