import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const rooms = fileURLToPath(new URL('../../server/rooms', import.meta.url));
/** A room's jobs each have a file a newcomer reads at once; a file past this has taken on a second job. */
const MAX_LINES = 300;

it(`no file in server/rooms is over ${MAX_LINES} lines`, () => {
  const long = readdirSync(rooms)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, lines: readFileSync(join(rooms, name), 'utf8').split('\n').length - 1 }))
    .filter((file) => file.lines > MAX_LINES);
  expect(long).toEqual([]);
});
