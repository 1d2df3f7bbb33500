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
});
