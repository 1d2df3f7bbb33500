import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import {
  deleteParticipant,
  readAgreementDraft,
  readAgreementStanding,
  readAgreementVersions,
  readDrawnRevision,
  readMeta,
  readParticipants,
  readProgressCheck,
  readRound,
  readSignoff,
  readSeating,
  readSuggestionConcepts,
  readTally,
  setAgreementDraft,
  setAgreementStanding,
  setAgreementVersions,
  setDrawnRevision,
  setParticipant,
  setProgressCheck,
  setRoundState,
  setSignoff,
  setSeating,
  setSuggestionConcepts,
  setTally,
  writeMeta,
  type BoardMeta,
} from '../../shared/controlDoc.js';
import { readPresentation, writePresentation } from '../../shared/presentation.js';
import type { ControlView } from './controlView.js';

/** What the document shows now, section by section, as the drawing compares it. */
type Shown = Omit<ControlView, 'meta' | 'rounds' | 'tallies' | 'participants'> & {
  meta: BoardMeta | undefined;
  participants: ControlView['participants'];
  round(roundId: string): unknown;
  tally(roundId: string): unknown;
};

/** What the document shows, read through its typed readers. */
export function shownIn(doc: Y.Doc): Shown {
  return {
    revision: readDrawnRevision(doc),
    meta: readMeta(doc),
    presentation: readPresentation(doc),
    concepts: readSuggestionConcepts(doc),
    agreementDraft: readAgreementDraft(doc) ?? null,
    agreementVersions: readAgreementVersions(doc),
    agreementStanding: readAgreementStanding(doc),
    signoff: readSignoff(doc),
    seating: readSeating(doc),
    progressCheck: readProgressCheck(doc),
    participants: readParticipants(doc),
    round: (roundId) => readRound(doc, roundId),
    tally: (roundId) => readTally(doc, roundId),
  };
}

/** What a document shows that nobody but this drawing's writer changed since it drew `view`: without reading it. */
export function shownAs(view: ControlView): Shown {
  const rounds = new Map(view.rounds.map((round) => [round.id, round]));
  const tallies = new Map(view.tallies.map((tally) => [tally.roundId, tally]));
  return { ...view, round: (roundId) => rounds.get(roundId), tally: (roundId) => tallies.get(roundId) };
}

/**
 * Writes the view into the control document through its typed writers, only what differs from what it shows
 * (`shown`), so a drawing of unchanged facts is no update at all. Call inside one transaction (DocRoom.serverTransact).
 */
export function drawControl(doc: Y.Doc, view: ControlView, shown: Shown = shownIn(doc)): void {
  const metaPatch = Object.fromEntries(
    Object.entries(view.meta).filter(([key, value]) => !shown.meta || !equalityDeep(shown.meta[key as keyof BoardMeta], value)),
  ) as Partial<BoardMeta>;
  if (Object.keys(metaPatch).length > 0) writeMeta(doc, metaPatch);
  if (view.presentation && !equalityDeep(shown.presentation, view.presentation)) writePresentation(doc, view.presentation);
  if (!equalityDeep(shown.concepts, view.concepts)) setSuggestionConcepts(doc, view.concepts);
  if (view.agreementDraft && !equalityDeep(shown.agreementDraft, view.agreementDraft)) setAgreementDraft(doc, view.agreementDraft);
  if (!equalityDeep(shown.agreementVersions, view.agreementVersions)) setAgreementVersions(doc, view.agreementVersions);
  if (!equalityDeep(shown.agreementStanding, view.agreementStanding)) setAgreementStanding(doc, view.agreementStanding);
  if (!equalityDeep(shown.signoff, view.signoff)) setSignoff(doc, view.signoff);
  if (!equalityDeep(shown.seating, view.seating)) setSeating(doc, view.seating);
  if (!equalityDeep(shown.progressCheck, view.progressCheck)) setProgressCheck(doc, view.progressCheck);

  if (shown.participants !== view.participants) {
    const shownPeople = new Map(shown.participants.map((p) => [p.id, p]));
    for (const participant of view.participants) {
      if (!equalityDeep(shownPeople.get(participant.id), participant)) setParticipant(doc, participant);
      shownPeople.delete(participant.id);
    }
    for (const gone of shownPeople.keys()) deleteParticipant(doc, gone);
  }

  for (const round of view.rounds) if (!equalityDeep(shown.round(round.id), round)) setRoundState(doc, round);
  for (const tally of view.tallies) if (!equalityDeep(shown.tally(tally.roundId), tally)) setTally(doc, tally);
  if (shown.revision !== view.revision) setDrawnRevision(doc, view.revision);
}
