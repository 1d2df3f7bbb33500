import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addCluster, moveCard, readClusters, renameCluster } from '../../../shared/boardDoc';
import { readMeta, writeMeta } from '../../../shared/controlDoc';
import { DEFAULT_SETTINGS } from '../../../shared/phases';
import { docVersion } from './docVersion';
import { SelectionCache } from './SelectionCache';

function controlDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMeta(doc, { title: 'Kick-off', phase: 'collect', settings: DEFAULT_SETTINGS, groups: [{ id: 'g1', name: 'Employers' }] });
  return doc;
}

describe('a view selecting from a document', () => {
  it('gets the very same value back while what it selects is unchanged, whatever else changed', () => {
    const doc = controlDoc();
    const cache = new SelectionCache<Y.Doc, ReturnType<typeof readMeta>>();
    const first = cache.read(doc, docVersion(doc), readMeta);
    doc.getMap('rounds').set('r_1', { state: 'open' });
    doc.getMap('participants').set('p_1', { id: 'p_1', name: 'Anna' });
    expect(cache.read(doc, docVersion(doc), readMeta)).toBe(first);
  });

  it('gets a new value when what it selects changed, keeping the parts that did not', () => {
    const doc = controlDoc();
    const cache = new SelectionCache<Y.Doc, ReturnType<typeof readMeta>>();
    const first = cache.read(doc, docVersion(doc), readMeta)!;
    writeMeta(doc, { phase: 'cluster' });
    const second = cache.read(doc, docVersion(doc), readMeta)!;
    expect(second).not.toBe(first);
    expect(second.phase).toBe('cluster');
    // The settings panel's effect depends on the settings object: it must not fire for a phase change.
    expect(second.settings).toBe(first.settings);
    expect(second.groups).toBe(first.groups);
  });

  it('keeps each unchanged theme object when one theme is renamed or a card moves', () => {
    const doc = new Y.Doc();
    const skills = addCluster(doc, { title: 'Skills' });
    const energy = addCluster(doc, { title: 'Energy' });
    const card = addCard(doc, { title: 'Too few welders', author: 'p_1' });
    const cache = new SelectionCache<Y.Doc, ReturnType<typeof readClusters>>();
    const first = cache.read(doc, docVersion(doc), readClusters);
    moveCard(doc, card, skills);
    expect(cache.read(doc, docVersion(doc), readClusters)).toBe(first);
    renameCluster(doc, energy, 'Energy prices');
    const renamed = cache.read(doc, docVersion(doc), readClusters);
    const byId = (list: typeof first, id: string) => list.find((c) => c.id === id);
    expect(byId(renamed, energy)?.title).toBe('Energy prices');
    expect(byId(renamed, skills)).toBe(byId(first, skills));
    expect(byId(renamed, energy)).not.toBe(byId(first, energy));
  });

  it('follows a custom equality: only the phase counts, so a title change keeps the last value', () => {
    const doc = controlDoc();
    const cache = new SelectionCache<Y.Doc, ReturnType<typeof readMeta>>();
    const samePhase = (a: ReturnType<typeof readMeta>, b: ReturnType<typeof readMeta>) => a?.phase === b?.phase;
    const first = cache.read(doc, docVersion(doc), readMeta, samePhase);
    writeMeta(doc, { title: 'Kick-off, day 2' });
    expect(cache.read(doc, docVersion(doc), readMeta, samePhase)).toBe(first);
    writeMeta(doc, { phase: 'vote' });
    expect(cache.read(doc, docVersion(doc), readMeta, samePhase)?.phase).toBe('vote');
  });
});
