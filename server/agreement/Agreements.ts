import { validateDraft } from '../../shared/agreement.js';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api.js';
import { addAgreementVersion, readAgreementDraft, readRound, setAgreementDraft } from '../../shared/controlDoc.js';
import { buildPriorityList, type FrozenAgreement } from '../../shared/export/index.js';
import { DomainError } from '../DomainError.js';
import { boardInput } from '../export/Exports.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { Identity } from '../storage/Identity.js';

/**
 * The agree phase: the facilitator's draft, followed live in the control document, and frozen versions. A frozen
 * version stores the priority list as it was built at that moment, so its exports stay byte-identical whatever
 * happens on the board afterwards.
 */
export class Agreements {
  constructor(
    private readonly archive: AgreementArchive,
    private readonly identity: Pick<Identity, 'listParticipants'>,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saves the facilitator's draft into the control document, where the room follows it live. */
  async saveDraft(boardId: string, draft: AgreementDraftBody): Promise<AgreementDraftBody> {
    await this.rooms.withRoom(boardId, (room) =>
      room.control.serverTransact((doc) => {
        const check = validateDraft(draft, readRound(doc, draft.roundId));
        if (!check.ok) throw DomainError.refusal(check.code === 'agreement-needs-revealed-round' ? 'conflict' : 'invalid', check.code, check.error, check.field);
        setAgreementDraft(doc, draft);
      }),
    );
    return draft;
  }

  /** The archive numbers the version (two instances freezing at once get 1 and 2) and keeps the list built for it. */
  async freeze(boardId: string): Promise<AgreementVersion> {
    const participants = await this.identity.listParticipants(boardId);
    return this.rooms.withRoom(boardId, async (room) => {
      const draft = readAgreementDraft(room.control.doc);
      if (!draft) throw DomainError.refusal('conflict', 'no-draft', 'there is no draft to freeze yet');
      const input = boardInput(room.board.doc, room.control.doc, participants);
      const frozenAt = this.now();
      const frozen = await this.archive.freeze(boardId, frozenAt, (version) => {
        const agreement: FrozenAgreement = { version, frozenAt, roundId: draft.roundId, items: draft.items };
        return buildPriorityList({ ...input, agreement });
      });
      await room.control.serverTransact((doc) => addAgreementVersion(doc, frozen));
      return frozen;
    });
  }
}

