import { validateDraft } from '../../shared/agreement.js';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api.js';
import { addAgreementVersion, readAgreementDraft, readRound, setAgreementDraft } from '../../shared/controlDoc.js';
import { buildPriorityList, type FrozenAgreement } from '../../shared/export/index.js';
import { DomainError } from '../DomainError.js';
import { boardInput } from '../export/Exports.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore } from '../storage/BoardStore.js';

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
      const check = validateDraft(draft, readRound(room.control.doc, draft.roundId));
      if (!check.ok) throw DomainError.refusal(check.code === 'agreement-needs-revealed-round' ? 'conflict' : 'invalid', check.code, check.error, check.field);
      room.control.serverTransact((doc) => setAgreementDraft(doc, draft));
    });
    return draft;
  }

  freeze(boardId: string): AgreementVersion {
    return this.rooms.withRoom(boardId, (room) => {
      const draft = readAgreementDraft(room.control.doc);
      if (!draft) throw DomainError.refusal('conflict', 'no-draft', 'there is no draft to freeze yet');
      const version = this.store.listAgreements(boardId).length + 1;
      const frozenAt = this.now();
      const agreement: FrozenAgreement = { version, frozenAt, roundId: draft.roundId, items: draft.items };
      const list = buildPriorityList({ ...boardInput(room, this.store), agreement });
      this.store.insertAgreement({ boardId, version, frozenAt, json: JSON.stringify(list) });
      room.control.serverTransact((doc) => addAgreementVersion(doc, { version, frozenAt }));
      return { version, frozenAt };
    });
  }
}

