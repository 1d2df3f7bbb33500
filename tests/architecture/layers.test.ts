import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLIENT_MAY_IMPORT, findLayerViolations, findModuleCycles, SERVER_MAY_IMPORT } from './layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('layers', () => {
  it('no import runs against the layers', () => {
    expect(findLayerViolations(root)).toEqual([]);
  });

  it.each([
    ['server', SERVER_MAY_IMPORT],
    ['client', CLIENT_MAY_IMPORT],
  ])('the %s table has no cycle, so the layers have an order', (_, table) => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (part: string, path: string[]): void => {
      if (done.has(part)) return;
      expect(visiting.has(part), `cycle: ${[...path, part].join(' → ')}`).toBe(false);
      visiting.add(part);
      for (const next of table[part] ?? []) visit(next, [...path, part]);
      visiting.delete(part);
      done.add(part);
    };
    for (const part of Object.keys(table)) visit(part, []);
  });

  it('no client module imports itself round a cycle, not even through `import type`', () => {
    expect(findModuleCycles(root, 'client')).toEqual([]);
  });

  it('sees an import the table forbids and a cycle even when they are `import type` or a stylesheet', () => {
    const tree = mkdtempSync(join(tmpdir(), 'layers-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(tree, path)), { recursive: true });
      writeFileSync(join(tree, path), text);
    };
    try {
      mkdirSync(join(tree, 'shared'));
      mkdirSync(join(tree, 'server'));
      write('client/kernel/useThing.ts', "import type { Tile } from '../cards/Tile';\nexport type Thing = Tile;\n");
      write('client/cards/Tile.tsx', "import type { Thing } from '../kernel/useThing';\nimport '../clustering/clustering.css';\nexport type Tile = Thing;\n");
      write('client/clustering/clustering.css', '');
      expect(findLayerViolations(tree)).toEqual([
        { file: 'client/cards/Tile.tsx', imports: '../clustering/clustering.css', reason: 'client/cards may not import client/clustering' },
        { file: 'client/kernel/useThing.ts', imports: '../cards/Tile', reason: 'client/kernel may not import client/cards' },
      ]);
      expect(findModuleCycles(tree, 'client')).toEqual([['client/cards/Tile.tsx', 'client/kernel/useThing.ts', 'client/cards/Tile.tsx']]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
