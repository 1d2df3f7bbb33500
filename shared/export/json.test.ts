import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../signoff.js';
import { toJson } from './json.js';
import { buildPriorityList } from './priorityList.js';
import { agreement, FROZEN_AT, sampleBoard } from '../../fixtures/exportBoards.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
};

const schema = JSON.parse(readFileSync(new URL('../../docs/export-schema.json', import.meta.url), 'utf8')) as Schema & {
  $defs: Record<string, Schema>;
};

/**
 * Just the JSON Schema keywords docs/export-schema.json uses, with their 2020-12 meaning: object keywords
 * apply to objects only, `items` to arrays only. Returns the paths that fail.
 */
function validate(value: unknown, node: Schema, path = '$'): string[] {
  if (node.$ref) return validate(value, schema.$defs[node.$ref.replace('#/$defs/', '')]!, path);
  const errors: string[] = [];
  if (node.type !== undefined) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const type = typeOf(value);
    if (!types.includes(type) && !(type === 'integer' && types.includes('number'))) return [`${path}: expected ${types.join('|')}, got ${type}`];
  }
  if ('const' in node && value !== node.const) errors.push(`${path}: expected ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value)) errors.push(`${path}: not one of ${JSON.stringify(node.enum)}`);
  if (Array.isArray(value) && node.items) value.forEach((entry, i) => errors.push(...validate(entry, node.items!, `${path}[${i}]`)));
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
    for (const [key, entry] of Object.entries(object)) {
      const property = node.properties?.[key];
      if (property) errors.push(...validate(entry, property, `${path}.${key}`));
      else if (node.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
      else if (typeof node.additionalProperties === 'object') errors.push(...validate(entry, node.additionalProperties, `${path}.${key}`));
    }
  }
  return errors;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

const noResults = sampleBoard('nl');
noResults.rounds = [];
const lists = {
  agreed: buildPriorityList({ ...sampleBoard(), agreement, exportedAt: FROZEN_AT }),
  'not agreed': buildPriorityList(sampleBoard('en')),
  'no results': buildPriorityList(noResults),
  'named round': buildPriorityList(sampleBoard('sv', { budget: 5, cap: 3, anonymous: false })),
  draft: buildPriorityList({ ...sampleBoard(), draft: { roundId: agreement.roundId, items: agreement.items } }),
};
const signedOff: DecisionRecord = {
  version: 1,
  rule: 'majority-no-objection',
  met: true,
  groups: [{ group: 'union', standing: 'consents', delegates: [{ participantId: 'p-union-1', name: 'Bram', organisation: 'FNV', decision: 'consent', reason: '', signedAt: FROZEN_AT }] }],
  recordSeal: 'a'.repeat(64),
};

describe('toJson', () => {
  it.each(Object.entries(lists))('validates against docs/export-schema.json (%s)', (_, list) => {
    expect(validate(JSON.parse(toJson(list)), schema)).toEqual([]);
  });

  it('validates against docs/export-schema.json with a decision record', () => {
    expect(validate(JSON.parse(toJson(lists.agreed, signedOff)), schema)).toEqual([]);
  });

  it('is the list itself, indented', () => {
    const json = toJson(lists.agreed);
    expect(JSON.parse(json)).toStrictEqual({ ...lists.agreed, schemaVersion: 3, decisionRecord: null });
    expect(json).toContain('\n  "schemaVersion": 3,\n');
  });

  it('is checked by a validator that does reject what the schema forbids', () => {
    const good = JSON.parse(toJson(lists.agreed));
    expect(validate({ ...good, schemaVersion: 2 }, schema)).toEqual(['$.schemaVersion: expected 3']);
    expect(validate({ ...good, status: 'frozen' }, schema)).toHaveLength(1);
    expect(validate({ ...good, secret: 1 }, schema)).toEqual(['$: unexpected secret']);
    const { owner: _owner, ...withoutOwner } = good.items[0];
    expect(validate({ ...good, items: [withoutOwner] }, schema)).toEqual(['$.items[0]: missing owner']);
    const withPerson = { ...good.items[0], votes: { ...good.items[0].votes, byPerson: { 'p-union-1': 3 } } };
    expect(validate({ ...good, items: [withPerson] }, schema)).toEqual(['$.items[0].votes: unexpected byPerson']);
    expect(validate({ ...good, participantsPerGroup: { company: 1.5 } }, schema)).toEqual([
      '$.participantsPerGroup.company: expected integer, got number',
    ]);
  });
});
