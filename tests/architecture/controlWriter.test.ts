import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The typed writers of the control document (shared/controlDoc.ts, shared/presentation.ts). */
const WRITERS = /\b(setParticipant|deleteParticipant|setRoundState|setTally|setAgreementDraft|setAgreementVersions|setSuggestionConcepts|writeMeta|writePresentation|setDrawnRevision|setSeating)\b/;
const CONTROL_IMPORT = /import\s*{([^}]*)}\s*from\s*'[^']*\/(?:controlDoc|presentation)\.js'/g;

/** Whether the source imports a writer of the control document or changes it directly. */
function writesControl(source: string): boolean {
  return [...source.matchAll(CONTROL_IMPORT)].some((match) => WRITERS.test(match[1]!)) || /\.control\.serverTransact\b/.test(source);
}

function serverFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return serverFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

it('only the projection writes the control document: every other server file changes facts in the store', () => {
  const writers = serverFiles(join(root, 'server'))
    .map((path) => relative(root, path))
    .filter((path) => !path.startsWith('server/projection/') && writesControl(readFileSync(join(root, path), 'utf8')));
  expect(writers).toEqual([]);
});
