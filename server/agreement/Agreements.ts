import { isDeepStrictEqual } from 'node:util';
import { validateDraft } from '../../shared/agreement.js';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api.js';
import { buildPriorityList, type PriorityList } from '../../shared/export/index.js';
import { DomainError } from '../DomainError.js';
import { boardInput, storedView } from '../export/Exports.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import { roundState } from '../projection/controlView.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BallotBox } from '../storage/BallotBox.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';

/** A freeze's answer: the version, and whether this freeze stored it (false: the draft was that version already). */
export interface Frozen {
  version: AgreementVersion;
  fresh: boolean;
}

/**
 * The agree phase: the facilitator's draft, stored with the board's state and followed live in the control
 * document, and frozen versions. A frozen version stores the priority list as it was built at that moment, so its
 * exports stay byte-identical whatever happens on the board afterwards.
 */
export class Agreements {
  constructor(
    private readonly archive: AgreementArchive,
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

  /**
   * Builds the list from the stored facts (one `BoardFacts.read`, and the latest version's row) and the board
   * document, and stores it as a new version; the archive numbers it (two instances freezing at once get 1 and 2).
   * A list equal to the latest version's (every field the agreed list shows: the draft's order, wording, owners,
   * next steps and dropped items, the round's figures, the cards under each item, the workshop's details) is that
   * version: a freeze retried after its drawing failed answers it again instead of minting a copy.
   */
  async freeze(boardId: string): Promise<Frozen> {
    const [facts, latest] = await Promise.all([this.facts.read(boardId), this.archive.latest(boardId)]);
    const stored = storedView(facts);
    const draft = stored.agreementDraft;
    if (!draft) throw DomainError.refusal('conflict', 'no-draft', 'there is no draft to freeze yet');
    const frozen = await this.rooms.withRoom(boardId, async (room): Promise<Frozen> => {
      const input = boardInput(room.board.doc, stored, facts.people.participants);
      const listAs = ({ version, frozenAt }: AgreementVersion) => buildPriorityList({ ...input, agreement: { version, frozenAt, roundId: draft.roundId, items: draft.items } });
      if (latest && sameList(listAs(latest), latest.list)) return { version: { version: latest.version, frozenAt: latest.frozenAt }, fresh: false };
      const frozenAt = this.now();
      return { version: await this.archive.freeze(boardId, frozenAt, (version) => listAs({ version, frozenAt })), fresh: true };
    });
    await this.projection.show(boardId);
    return frozen;
  }
}

/** Compared as stored: a built list carries fields left undefined that its stored JSON omits. */
function sameList(built: PriorityList, stored: PriorityList): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(built)), stored);
}
