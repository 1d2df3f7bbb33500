import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import {
  deleteParticipant,
  readAgreementDraft,
  readAgreementVersions,
  readDrawnRevision,
  readMeta,
  readParticipants,
  readRound,
  readSuggestionConcepts,
  readTally,
  setAgreementDraft,
  setAgreementVersions,
  setDrawnRevision,
  setParticipant,
  setRoundState,
  setSuggestionConcepts,
  setTally,
  writeMeta,
  type BoardMeta,
} from '../../shared/controlDoc.js';
import { readPresentation, writePresentation } from '../../shared/presentation.js';
import type { ControlView } from './controlView.js';

/**
 * Writes the view into the control document through its typed writers, only what differs from what it shows,
 * so a drawing of unchanged facts is no update at all. Call inside one transaction (DocRoom.serverTransact).
 */
export function drawControl(doc: Y.Doc, view: ControlView): void {
  const shownMeta = readMeta(doc);
  const metaPatch = Object.fromEntries(
    Object.entries(view.meta).filter(([key, value]) => !shownMeta || !equalityDeep(shownMeta[key as keyof BoardMeta], value)),
  ) as Partial<BoardMeta>;
  if (Object.keys(metaPatch).length > 0) writeMeta(doc, metaPatch);
  if (view.presentation && !equalityDeep(readPresentation(doc), view.presentation)) writePresentation(doc, view.presentation);
  if (!equalityDeep(readSuggestionConcepts(doc), view.concepts)) setSuggestionConcepts(doc, view.concepts);
  if (view.agreementDraft && !equalityDeep(readAgreementDraft(doc), view.agreementDraft)) setAgreementDraft(doc, view.agreementDraft);
  if (!equalityDeep(readAgreementVersions(doc), view.agreementVersions)) setAgreementVersions(doc, view.agreementVersions);

  const shownPeople = new Map(readParticipants(doc).map((p) => [p.id, p]));
  for (const participant of view.participants) {
    if (!equalityDeep(shownPeople.get(participant.id), participant)) setParticipant(doc, participant);
    shownPeople.delete(participant.id);
  }
  for (const gone of shownPeople.keys()) deleteParticipant(doc, gone);

  for (const round of view.rounds) if (!equalityDeep(readRound(doc, round.id), round)) setRoundState(doc, round);
  for (const tally of view.tallies) if (!equalityDeep(readTally(doc, tally.roundId), tally)) setTally(doc, tally);
  if (readDrawnRevision(doc) !== view.revision) setDrawnRevision(doc, view.revision);
}
