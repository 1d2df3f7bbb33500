/**
 * `npm start`: builds the client if it is missing or older than its sources, then runs the server,
 * which serves the client, the API and the WebSockets on one port.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = 'dist/client/index.html';
const sourcesChanged = !fs.existsSync(built) || Math.max(newestMtime('client'), newestMtime('shared')) > fs.statSync(built).mtimeMs;
if (sourcesChanged) {
  console.log('Building the client…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
await import('../server/main.js');
