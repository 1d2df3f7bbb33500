import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Where the control document's typed writers and raw maps live. */
const CONTROL_MODULES = ['shared/controlDoc.ts', 'shared/presentation.ts'];

/**
 * Every export of those modules that can change the document: each function taking the document and named for a
 * write, read from the modules themselves so a writer added there is covered at once, and the raw maps.
 */
const WRITERS = new Set([
  ...CONTROL_MODULES.flatMap((path) => [...read(path).matchAll(/export function ((?:set|write|delete)\w*)\(doc: Y\.Doc/g)].map((match) => match[1]!)),
  'metaOf',
  'participantsOf',
]);
const CONTROL_IMPORT = /import\s*{([^}]*)}\s*from\s*'[^']*\/(?:controlDoc|presentation)\.js'/g;
/** A change to a control room's document that bypasses the writers: a server change or a transaction on it. */
const CONTROL_TRANSACTION = /\bcontrol\??\.(?:serverTransact|inOneTurn|doc\??\.transact)\b/;

/** Whether the source imports a writer of the control document or changes it directly. */
function writesControl(source: string): boolean {
  const imported = [...source.matchAll(CONTROL_IMPORT)].flatMap((match) => match[1]!.split(',').map((name) => name.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0]!.trim()));
  return imported.some((name) => WRITERS.has(name)) || CONTROL_TRANSACTION.test(source);
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('the one writer of the control document', () => {
  it('is the projection: every other server file changes facts in the store', () => {
    const writers = serverFiles(join(root, 'server'))
      .map((path) => relative(root, path))
      .filter((path) => !path.startsWith('server/projection/') && writesControl(read(path)));
    expect(writers).toEqual([]);
  });

  it('is checked against every writer the control modules export, and against transactions on a control room', () => {
    expect([...WRITERS]).toEqual(expect.arrayContaining(['writeMeta', 'writePresentation', 'setTally', 'setSignoff', 'setProgressCheck', 'setSeating', 'metaOf']));
    expect(writesControl("import { readMeta, setSignoff } from '../../shared/controlDoc.js';")).toBe(true);
    expect(writesControl("import {\n  readMeta,\n  setProgressCheck as show,\n} from '../../shared/controlDoc.js';")).toBe(true);
    expect(writesControl('await room.control.doc.transact(() => undefined);')).toBe(true);
    expect(writesControl('await room.control.serverTransact((doc) => undefined);')).toBe(true);
    expect(writesControl("import { readMeta, readSignoff } from '../../shared/controlDoc.js';\nreadMeta(room.control.doc);")).toBe(false);
  });
});
