import { readdirSync, readFileSync, statSync } from 'node:fs';
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
  // The domain: each folder owns one kind of rule and speaks through DomainError, never through a transport.
  retention: ['root', 'storage', 'auth', 'rooms', 'access'],
  access: ['root', 'storage', 'auth', 'rooms'],
  workshops: ['root', 'storage', 'auth', 'rooms', 'access', 'retention'],
  ballots: ['root', 'storage', 'auth', 'rooms', 'workshops'],
  export: ['root', 'storage', 'auth', 'rooms'],
  agreement: ['root', 'storage', 'auth', 'rooms', 'export'],
  people: ['root', 'storage', 'auth', 'rooms', 'access', 'ballots'],
  suggestions: ['root', 'storage', 'auth', 'rooms'],
  scale: ['root', 'storage', 'rooms'],
  demo: ['root', 'storage', 'auth', 'rooms', 'workshops', 'ballots', 'agreement', 'export'],
  // The transports: the only places that turn a DomainError into a status or a close code.
  sync: ['root', 'storage', 'auth', 'rooms', 'access', 'people', 'workshops', 'scale'],
  http: ['root', 'storage', 'auth', 'rooms', 'access', 'people', 'workshops', 'ballots', 'agreement', 'export', 'retention', 'demo', 'suggestions', 'scale'],
};

/** Files at the server's root that only wire the parts together (they may import anything of the server). */
const SERVER_ENTRY_FILES = new Set(['app.ts', 'main.ts']);

export interface LayerViolation {
  file: string;
  imports: string;
  reason: string;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The part a repository path belongs to: `shared`, `client`, `server:<folder>`, or `outside`. */
function partOf(root: string, path: string): string {
  const [top, second, third] = relative(root, path).split('/');
  if (top === 'shared' || top === 'client') return top;
  if (top !== 'server') return 'outside';
  return third === undefined ? 'server:root' : `server:${second}`;
}

export function findLayerViolations(root: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const top of ['shared', 'client', 'server']) {
    for (const file of sourceFiles(join(root, top))) {
      const from = partOf(root, file);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const spec = match[1] ?? match[2];
        if (!spec.startsWith('.')) continue;
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
  if (from === 'client') return to.startsWith('server') ? 'the client talks to the server over HTTP and WebSocket only' : null;
  if (to === 'client') return 'the server never imports client code';
  const own = from.slice('server:'.length);
  const other = to.slice('server:'.length);
  if (own === 'root' && SERVER_ENTRY_FILES.has(file.split('/').pop()!)) return null;
  const allowed = SERVER_MAY_IMPORT[own];
  if (!allowed) return `server/${own} is not in the layer table (tests/architecture/layers.ts)`;
  return allowed.includes(other) ? null : `server/${own} may not import server/${other}`;
}
