import * as Y from 'yjs';
import { LIMITS } from '../limits.js';

/** Levels removed per transaction: Yjs frees a removed subtree recursively when the transaction ends. */
const LEVELS_PER_STEP = 500;

/**
 * Removes the part of a body nested deeper than the editor allows, deepest first and a few hundred levels per
 * transaction, so that removing the rest (a reveal empties the silent lists) costs Yjs no deeper recursion than
 * the limit. Only content stored before the server judged depth has such parts.
 */
export function pruneDeepRichText(root: Y.XmlFragment, transact: (change: () => void) => void): void {
  const deep: Array<{ node: Y.XmlElement; depth: number }> = [];
  const stack: Array<{ type: Y.XmlFragment; depth: number }> = [{ type: root, depth: 0 }];
  while (stack.length > 0) {
    const { type, depth } = stack.pop()!;
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (depth + 1 > LIMITS.maxRichTextDepth) deep.push({ node: child, depth: depth + 1 });
      stack.push({ type: child, depth: depth + 1 });
    }
  }
  deep.sort((a, b) => b.depth - a.depth);
  for (let start = 0; start < deep.length; start += LEVELS_PER_STEP) {
    transact(() => {
      for (const { node } of deep.slice(start, start + LEVELS_PER_STEP)) {
        const parent = node.parent as Y.XmlFragment;
        parent.delete(parent.toArray().indexOf(node), 1);
      }
    });
  }
}
