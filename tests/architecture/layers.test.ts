import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLayerViolations, SERVER_MAY_IMPORT } from './layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('layers', () => {
  it('no import runs against the layers', () => {
    expect(findLayerViolations(root)).toEqual([]);
  });

  it('the table has no cycle, so the layers have an order', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (part: string, path: string[]): void => {
      if (done.has(part)) return;
      expect(visiting.has(part), `cycle: ${[...path, part].join(' → ')}`).toBe(false);
      visiting.add(part);
      for (const next of SERVER_MAY_IMPORT[part] ?? []) visit(next, [...path, part]);
      visiting.delete(part);
      done.add(part);
    };
    for (const part of Object.keys(SERVER_MAY_IMPORT)) visit(part, []);
  });
});
