import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Which parts of the product may import which. A part is a top-level folder of the client, a server folder, or
 * `shared`. Everything may import `shared`; `shared` imports nothing of the client or server. On the server the
 * layers run from storage up to the transports, and nothing imports upwards.
 */
export const SERVER_MAY_IMPORT: Record<string, string[]> = {
  // Cross-cutting files at the server's root (config, log, metrics, DomainError, requestUrl, TokenBucket).
  root: [],
  storage: ['root'],
  auth: ['root', 'storage'],
  rooms: ['root', 'storage', 'auth'],
  // The one writer of the control document: draws it from the stored facts after every command.
  projection: ['root', 'storage', 'rooms'],
  // The domain: each folder owns one kind of rule and speaks through DomainError, never through a transport.
  retention: ['root', 'storage', 'auth', 'rooms', 'projection', 'access'],
  access: ['root', 'storage', 'auth', 'rooms'],
  workshops: ['root', 'storage', 'auth', 'rooms', 'projection', 'access', 'retention'],
  ballots: ['root', 'storage', 'auth', 'rooms', 'projection', 'workshops'],
  export: ['root', 'storage', 'auth', 'rooms', 'projection'],
  agreement: ['root', 'storage', 'auth', 'rooms', 'projection', 'export'],
  people: ['root', 'storage', 'auth', 'rooms', 'projection', 'access', 'ballots'],
  suggestions: ['root', 'storage', 'auth', 'rooms', 'projection'],
  tables: ['root', 'storage', 'auth', 'rooms', 'projection', 'access', 'suggestions', 'workshops'],
  scale: ['root', 'storage', 'rooms'],
  // The follow-through register: the agreed list's afterlife, read and kept through links of its own.
  register: ['root', 'storage', 'auth', 'rooms', 'projection', 'access', 'export', 'agreement'],
  // Forums of workshops: each workshop read from its stored facts, its themes matched through the concept list.
  forums: ['root', 'storage', 'auth', 'rooms', 'access', 'agreement', 'suggestions'],
  demo: ['root', 'storage', 'auth', 'rooms', 'workshops', 'ballots', 'agreement', 'export'],
  // The transports: the only places that turn a DomainError into a status or a close code.
  sync: ['root', 'storage', 'auth', 'rooms', 'access', 'people', 'workshops', 'scale'],
  http: ['root', 'storage', 'auth', 'rooms', 'projection', 'access', 'people', 'workshops', 'ballots', 'agreement', 'export', 'retention', 'demo', 'suggestions', 'scale', 'register', 'tables', 'forums'],
};

/** Files at the server's root that only wire the parts together (they may import anything of the server). */
const SERVER_ENTRY_FILES = new Set(['app.ts', 'main.ts']);

/**
 * The client's folders. `app` and `api` are the basics (translations, form controls, formats, REST calls);
 * `kernel` is what every board screen shares (the board context, sync, live data hooks, abilities, the board's
 * commands, undo history) and imports no feature; `session` keeps tokens. Features import the kernel and the
 * basics, and another feature only where this table says so; `board` is the page that puts them together.
 */
export const CLIENT_MAY_IMPORT: Record<string, string[]> = {
  api: [],
  app: ['api'],
  kernel: ['app', 'api'],
  session: ['app', 'api', 'kernel'],
  join: ['app', 'api', 'kernel', 'session'],
  start: ['app', 'api', 'session', 'join'],
  cards: ['app', 'kernel'],
  clustering: ['app', 'kernel', 'cards'],
  silent: ['app', 'kernel', 'cards'],
  richText: ['app', 'kernel'],
  timer: ['app', 'kernel'],
  people: ['app', 'kernel'],
  access: ['app', 'kernel'],
  facilitation: ['app', 'kernel', 'session'],
  presence: ['app', 'kernel'],
  results: ['app', 'kernel'],
  signoff: ['app', 'kernel'],
  agree: ['app', 'kernel', 'results', 'signoff'],
  voting: ['app', 'api', 'kernel', 'results', 'agree'],
  // The facilitator runs each table's countdown with the same controls its host has.
  tables: ['app', 'kernel', 'timer'],
  present: ['app', 'api', 'kernel', 'results', 'voting', 'signoff', 'tables', 'followUp', 'agree'],
  questions: ['app', 'kernel'],
  report: ['app', 'api', 'kernel', 'session', 'join', 'results', 'signoff'],
  // The follow-through register's progress page: read through REST with a link of its own, no board documents.
  register: ['app', 'api', 'session', 'join'],
  // A follow-up workshop's progress check: the register's item cards, fed from the control document.
  followUp: ['app', 'kernel', 'register'],
  // A forum's page (read through REST with a link of its own) and the entry to it from a workshop's tools.
  forum: ['app', 'api', 'kernel', 'session', 'join', 'register'],
  board: ['app', 'api', 'kernel', 'session', 'join', 'cards', 'clustering', 'silent', 'richText', 'timer', 'people', 'access', 'facilitation', 'presence', 'results', 'voting', 'present', 'questions', 'tables', 'followUp', 'forum'],
};

/** Client files that only wire the screens together: the entry point and the router. */
const CLIENT_ENTRY_FILES = new Set(['client/main.tsx', 'client/app/App.tsx']);

export interface LayerViolation {
  file: string;
  imports: string;
  reason: string;
}

// `import x from`, `export … from`, `import('…')` and a stylesheet's bare `import '…'`.
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The part a repository path belongs to: `shared`, `client:<folder>`, `server:<folder>`, or `outside`. */
function partOf(root: string, path: string): string {
  const [top, second, third] = relative(root, path).split('/');
  if (top === 'shared') return top;
  if (top !== 'server' && top !== 'client') return 'outside';
  return third === undefined ? `${top}:root` : `${top}:${second}`;
}

/** The relative imports of one file, `import type` and stylesheets included. */
function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? match[3]).filter((spec) => spec.startsWith('.'));
}

/** The source file an import names, if it is one (stylesheets and other assets are not). */
function sourceFileOf(file: string, spec: string): string | null {
  const base = resolve(dirname(file), spec).replace(/\.js$/, '');
  return ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path)) ?? null;
}

/**
 * Import cycles between the modules under `folder`, `import type` included: a cycle of types still ties the
 * modules together, so none of them can be read, moved or tested without the others. Each cycle is listed once,
 * as the chain of repository paths it runs through.
 */
export function findModuleCycles(root: string, folder: string): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    const at = path.indexOf(file);
    if (at >= 0) {
      cycles.push([...path.slice(at), file].map((f) => relative(root, f)));
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const spec of relativeImports(file)) {
      const next = sourceFileOf(file, spec);
      if (next) visit(next);
    }
    path.pop();
    done.add(file);
  };
  for (const file of sourceFiles(join(root, folder))) visit(file);
  return cycles;
}

export function findLayerViolations(root: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const top of ['shared', 'client', 'server']) {
    for (const file of sourceFiles(join(root, top))) {
      const from = partOf(root, file);
      for (const spec of relativeImports(file)) {
        const to = partOf(root, resolve(dirname(file), spec));
        const name = relative(root, file);
        const reason = verdict(from, to, name);
        if (reason) violations.push({ file: name, imports: spec, reason });
      }
    }
  }
  return violations;
}

function verdict(from: string, to: string, file: string): string | null {
  if (to === from || to === 'shared') return null;
  if (to === 'outside') return 'product code imports from outside the product (tests, bench, scripts)';
  if (from === 'shared') return 'shared code runs on both sides and imports neither';
  if (from.startsWith('client')) {
    if (to.startsWith('server')) return 'the client talks to the server over HTTP and WebSocket only';
    return clientVerdict(from.slice('client:'.length), to.slice('client:'.length), file);
  }
  if (to.startsWith('client')) return 'the server never imports client code';
  const own = from.slice('server:'.length);
  const other = to.slice('server:'.length);
  if (own === 'root' && SERVER_ENTRY_FILES.has(file.split('/').pop()!)) return null;
  const allowed = SERVER_MAY_IMPORT[own];
  if (!allowed) return `server/${own} is not in the layer table (tests/architecture/layers.ts)`;
  return allowed.includes(other) ? null : `server/${own} may not import server/${other}`;
}

function clientVerdict(own: string, other: string, file: string): string | null {
  if (CLIENT_ENTRY_FILES.has(file)) return null;
  const allowed = CLIENT_MAY_IMPORT[own];
  if (!allowed) return `client/${own} is not in the layer table (tests/architecture/layers.ts)`;
  return allowed.includes(other) ? null : `client/${own} may not import client/${other}`;
}
