import type { AgreementDraftBody } from '../../shared/api.js';
import { agreementOf, roundsOf } from '../../shared/controlDoc.js';
import { buildPriorityList, type FrozenAgreement } from '../../shared/export/index.js';
import type { RoundState } from '../../shared/voting/index.js';
import { DomainError } from '../DomainError.js';
import { boardInput } from '../export/Exports.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore } from '../storage/BoardStore.js';

export interface AgreementVersion {
  version: number;
  frozenAt: number;
}

/**
 * The agree phase: the facilitator's draft, followed live in the control document, and frozen versions. A frozen
 * version stores the priority list as it was built at that moment, so its exports stay byte-identical whatever
 * happens on the board afterwards.
 */
export class Agreements {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saves the facilitator's draft into the control document, where the room follows it live. */
  saveDraft(boardId: string, draft: AgreementDraftBody): AgreementDraftBody {
    this.rooms.withRoom(boardId, (room) => {
      const round = roundsOf(room.control.doc).get(draft.roundId) as RoundState | undefined;
      if (!round || round.state !== 'revealed') throw DomainError.refusal('conflict', 'agreement-needs-revealed-round', 'an agreement starts from a revealed round', 'roundId');
      const known = new Set(round.items.map((item) => item.id));
      const seen = new Set<string>();
      draft.items.forEach((item, i) => {
        if (!known.has(item.itemId)) throw DomainError.refusal('invalid', 'unknown-item', 'not an item of that round', `items.${i}.itemId`);
        if (seen.has(item.itemId)) throw DomainError.refusal('invalid', 'listed-twice', 'listed twice', `items.${i}.itemId`);
        seen.add(item.itemId);
      });
      // A merge target must be a kept priority: the list follows a merge one level, no further.
      const kept = new Set(draft.items.filter((item) => !item.dropped && !item.mergedInto).map((item) => item.itemId));
      draft.items.forEach((item, i) => {
        if (item.mergedInto !== undefined && !kept.has(item.mergedInto)) {
          throw DomainError.refusal('invalid', 'merge-target-not-kept', 'merged into an item that is not a kept priority', `items.${i}.mergedInto`);
        }
      });
      room.control.serverTransact((doc) => agreementOf(doc).set('draft', draft));
    });
    return draft;
  }

  freeze(boardId: string): AgreementVersion {
    return this.rooms.withRoom(boardId, (room) => {
      const draft = agreementOf(room.control.doc).get('draft') as AgreementDraftBody | undefined;
      if (!draft) throw DomainError.refusal('conflict', 'no-draft', 'there is no draft to freeze yet');
      const version = this.store.listAgreements(boardId).length + 1;
      const frozenAt = this.now();
      const agreement: FrozenAgreement = { version, frozenAt, roundId: draft.roundId, items: draft.items };
      const list = buildPriorityList({ ...boardInput(room, this.store), agreement });
      this.store.insertAgreement({ boardId, version, frozenAt, json: JSON.stringify(list) });
      const versions = [...((agreementOf(room.control.doc).get('versions') as AgreementVersion[] | undefined) ?? []), { version, frozenAt }];
      room.control.serverTransact((doc) => agreementOf(doc).set('versions', versions));
      return { version, frozenAt };
    });
  }
}

