import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The built client, chunk by chunk, from Vite's manifest: the initial route is index.html's script and
 * everything it imports statically; every dynamic import is a lazy chunk, counted with whatever it
 * imports statically that its importer did not already load.
 */
interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface Size {
  raw: number;
  gzip: number;
}

export interface LazyChunk extends Size {
  name: string;
  loadedBy: string;
  files: string[];
}

export interface BundleFigures {
  buildSeconds: number;
  initial: Size & { files: string[] };
  initialCss: Size;
  lazy: LazyChunk[];
}

/** Builds into `outDir` (never into dist/, which tests and other people use) with a manifest. */
export function buildClient(outDir: string): number {
  const started = Date.now();
  const result = spawnSync(path.resolve('node_modules/.bin/vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr || result.stdout}`);
  return (Date.now() - started) / 1000;
}

export function measureBundle(outDir: string, buildSeconds: number): BundleFigures {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const sizeOf = (files: Iterable<string>): Size => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(outDir, file));
      raw += bytes.byteLength;
      gzip += zlib.gzipSync(bytes).byteLength;
    }
    return { raw, gzip };
  };
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    if (into.has(key)) return into;
    into.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, into);
    return into;
  };
  const filesOf = (keys: Iterable<string>) => [...keys].map((k) => manifest[k].file);

  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const initialKeys = closure(entry);
  const initial = { ...sizeOf(filesOf(initialKeys)), files: filesOf(initialKeys) };
  const initialCss = sizeOf([...initialKeys].flatMap((k) => manifest[k].css ?? []));

  const lazy: LazyChunk[] = [];
  const loaded = new Map<string, Set<string>>([[entry, initialKeys]]);
  const queue = [entry];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const child of manifest[parent].dynamicImports ?? []) {
      if (loaded.has(child)) continue;
      const before = loaded.get(parent)!;
      const all = closure(child);
      const added = [...all].filter((k) => !before.has(k));
      loaded.set(child, new Set([...before, ...all]));
      queue.push(child);
      lazy.push({ name: nameOf(child, manifest[child]), loadedBy: nameOf(parent, manifest[parent]), files: filesOf(added), ...sizeOf(filesOf(added)) });
    }
  }
  return { buildSeconds, initial, initialCss, lazy };
}

/** A chunk's name, or for a library the package it comes from ("qrcode" rather than "browser"). */
function nameOf(key: string, chunk: ManifestChunk): string {
  const fromPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(chunk.src ?? '')?.[1];
  return fromPackage ?? chunk.name ?? key;
}
