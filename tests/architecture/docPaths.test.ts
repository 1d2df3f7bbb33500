import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TOP_FOLDERS = ['client', 'server', 'shared', 'tests', 'fixtures', 'bench', 'docs', 'scripts'];
// A path from the repository's root, up to where a placeholder (`<boardId>`, `{en,nl,sv}`) or the prose starts.
const ROOTED_PATH = new RegExp(`(?<![\\w/.-])(?:${TOP_FOLDERS.join('|')})/[\\w./-]*`, 'g');
// A file named in backticks without its top folder, such as `DocRoom.ts` or `commands/boardApi.ts`.
const BARE_FILE = /`([\w./-]+\.(?:ts|tsx|css|md|json))`/g;

interface Named {
  path: string;
  line: number;
}

function productFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? productFiles(path) : [relative(root, path)];
  });
}

/** Every path a document names from the repository's root, and every file it names without (`wire.ts`). */
function namedIn(text: string): { rooted: Named[]; bare: Named[] } {
  const rooted: Named[] = [];
  const bare: Named[] = [];
  text.split('\n').forEach((line, index) => {
    for (const [match] of line.matchAll(ROOTED_PATH)) rooted.push({ path: match.replace(/\.+$/, ''), line: index + 1 });
    for (const match of line.matchAll(BARE_FILE)) if (!TOP_FOLDERS.includes(match[1].split('/')[0])) bare.push({ path: match[1], line: index + 1 });
  });
  return { rooted, bare };
}

/**
 * The folder tree drawn in the first code block of docs/architecture.md: a folder at the margin, its
 * subfolders indented by two under it (`start/ join/` names two), a description after two spaces or more.
 */
function treeFolders(text: string): Named[] {
  const lines = text.split('\n');
  const start = lines.indexOf('```');
  const end = lines.indexOf('```', start + 1);
  const folders: Named[] = [];
  let top = '';
  for (let index = start + 1; index < end; index++) {
    const line = lines[index];
    const indent = line.length - line.trimStart().length;
    // A description running on to the next line starts deep in the description column.
    if (indent > 2) continue;
    const names = line.trimStart().split(/\s{2,}/)[0];
    if (names.startsWith('(')) continue;
    const indented = indent > 0;
    for (const name of names.split(' ').filter((n) => n.endsWith('/'))) {
      if (!indented) top = name;
      folders.push({ path: indented ? `${top}${name}` : name, line: index + 1 });
    }
  }
  return folders;
}

function missing(doc: string, named: Named[], exists: (path: string) => boolean): string[] {
  return named.filter(({ path }) => !exists(path)).map(({ path, line }) => `${doc}:${line} names ${path}, which does not exist`);
}

const files = productFiles(root);
const somewhere = (name: string) => files.some((file) => file === name || file.endsWith(`/${name}`));
const existing = (path: string) => existsSync(join(root, path));

describe('the docs name only paths that exist', () => {
  it('docs/architecture.md: every folder of its tree, every path and every file it names', () => {
    const doc = 'docs/architecture.md';
    const text = readFileSync(join(root, doc), 'utf8');
    const { rooted, bare } = namedIn(text);
    expect([
      ...missing(doc, treeFolders(text), existing),
      ...missing(doc, rooted, existing),
      // A file named without its top folder is somewhere in the product, under the folder the sentence is about.
      ...missing(doc, bare, somewhere),
    ]).toEqual([]);
  });

  it('docs/architecture.md: its tree names every folder of the client and the server, each line once', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const drawn = new Set(treeFolders(text).map(({ path }) => path));
    const folders = ['client', 'server'].flatMap((top) =>
      readdirSync(join(root, top))
        .filter((name) => statSync(join(root, top, name)).isDirectory())
        .map((name) => `${top}/${name}/`),
    );
    expect(folders.filter((folder) => !drawn.has(folder))).toEqual([]);
    // A line said twice, or again as the start of another, is a merge gone wrong.
    const lines = text.split('```')[1]!.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    expect(lines.filter((line, index) => lines.some((other, at) => at !== index && other.startsWith(line)))).toEqual([]);
  });

  const readmes = ['server', 'client'].flatMap((top) =>
    readdirSync(join(root, top))
      .map((folder) => `${top}/${folder}/README.md`)
      .filter(existing),
  );
  // `wire.ts` in server/rooms/README.md is server/rooms/wire.ts; `rooms/Fanout.ts` in server/scale's is server/rooms/Fanout.ts.
  it.each(readmes)('%s: every path it names, from the root, its own folder or its part (server/, client/)', (doc) => {
    const { rooted, bare } = namedIn(readFileSync(join(root, doc), 'utf8'));
    const inFolderOrPart = (name: string) => existing(join(dirname(doc), name)) || existing(join(doc.split('/')[0], name));
    expect([...missing(doc, rooted, existing), ...missing(doc, bare, inFolderOrPart)]).toEqual([]);
  });
});
