import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [relative(root, path)] : [];
  });
}

/** What only the WebSocket transport does: take the upgrade, and pick the code a socket is closed with. */
const SYNC_ONLY: Array<[string, RegExp]> = [
  ['imports the close codes', /from\s*'[^']*\/closeCodes\.js'/],
  ['takes the WebSocket upgrade', /\.on\(\s*'upgrade'|\bhandleUpgrade\(/],
  ['closes a socket with a code of its own', /\.close\(\s*\d{4}\b/],
];

it('only server/sync/ takes the WebSocket upgrade and speaks close codes', () => {
  const found = serverFiles(join(root, 'server'))
    .filter((path) => !path.startsWith('server/sync/'))
    .flatMap((path) => {
      const source = readFileSync(join(root, path), 'utf8');
      return SYNC_ONLY.filter(([, pattern]) => pattern.test(source)).map(([what]) => `${path} ${what}`);
    });
  expect(found).toEqual([]);
});
