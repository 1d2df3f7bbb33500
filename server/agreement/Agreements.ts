import { validateDraft } from '../../shared/agreement.js';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api.js';
import { buildPriorityList, type FrozenAgreement } from '../../shared/export/index.js';
import { DomainError } from '../DomainError.js';
import { boardInput } from '../export/Exports.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import { roundState } from '../projection/controlView.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BallotBox } from '../storage/BallotBox.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';

/**
 * The agree phase: the facilitator's draft, stored with the board's state and followed live in the control
 * document, and frozen versions. A frozen version stores the priority list as it was built at that moment, so its
 * exports stay byte-identical whatever happens on the board afterwards.
 */
export class Agreements {
  constructor(
    private readonly archive: AgreementArchive,
    private readonly identity: Pick<Identity, 'listParticipants'>,
    private readonly ballots: Pick<BallotBox, 'getRound'>,
    private readonly facts: BoardFacts,
    private readonly rooms: RoomRegistry,
    private readonly projection: Pick<ControlProjection, 'show'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores the facilitator's draft, checked against the stored round it starts from, and shows it to the room. */
  async saveDraft(boardId: string, draft: AgreementDraftBody): Promise<AgreementDraftBody> {
    const round = await this.ballots.getRound(boardId, draft.roundId);
    const check = validateDraft(draft, round && roundState(round, {}));
    if (!check.ok) throw DomainError.refusal(check.code === 'agreement-needs-revealed-round' ? 'conflict' : 'invalid', check.code, check.error, check.field);
    await changeBoardState(this.facts, boardId, () => ({ agreementDraft: draft }));
    await this.projection.show(boardId);
    return draft;
  }

  /** The archive numbers the version (two instances freezing at once get 1 and 2) and keeps the list built for it. */
  async freeze(boardId: string): Promise<AgreementVersion> {
    const draft = (await this.facts.getState(boardId))?.state.agreementDraft;
    if (!draft) throw DomainError.refusal('conflict', 'no-draft', 'there is no draft to freeze yet');
    const participants = await this.identity.listParticipants(boardId);
    const frozen = await this.rooms.withRoom(boardId, (room) => {
      const input = boardInput(room.board.doc, room.control.doc, participants);
      const frozenAt = this.now();
      return this.archive.freeze(boardId, frozenAt, (version) => {
        const agreement: FrozenAgreement = { version, frozenAt, roundId: draft.roundId, items: draft.items };
        return buildPriorityList({ ...input, agreement });
      });
    });
    await this.projection.show(boardId);
    return frozen;
  }
}
