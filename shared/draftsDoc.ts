import type * as Y from 'yjs';
import { inWritingOrder } from './boardDoc.js';

/**
 * Silent collect keeps each participant's new cards in a private document of their own, which only they
 * sync. The facilitator follows them through this drafts document, which the server derives from the
 * private lists and only the facilitator may read: other participants' browsers never receive the text.
 */
export interface DraftCard {
  id: string;
  title: string;
  author: string;
  bodyText: string;
  createdAt: number;
}

export function draftsOf(doc: Y.Doc): Y.Map<DraftCard> {
  return doc.getMap<DraftCard>('drafts');
}

export function readDrafts(doc: Y.Doc): DraftCard[] {
  return Array.from(draftsOf(doc).values()).sort(inWritingOrder);
}
