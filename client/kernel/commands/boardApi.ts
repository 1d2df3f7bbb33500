import {
  admitParticipant,
  correctParticipant,
  deleteBoard,
  fetchJoinAllowance,
  fetchLinks,
  fetchMyData,
  fetchWaiting,
  mintCoFacilitatorLink,
  mintProjectorLink,
  removeParticipant,
  revokeLink,
  rotateJoinCode,
  setJoinAllowance,
} from './peopleApi';
import {
  castBallot,
  changePhase,
  changeSettings,
  closeBoard,
  closeRound,
  commandTimer,
  createObserverLink,
  editBoardDetails,
  fetchBoardSummary,
  fetchExport,
  fetchOwnBallot,
  fetchSuggestions,
  fetchDotsPerPerson,
  freezeAgreement,
  openRound,
  reopenBoard,
  fetchHistory,
  restoreBoard,
  revealCards,
  revealRound,
  saveAgreementDraft,
  setUpSignoff,
  signVersion,
  stepPresentation,
} from '../../api/serverApi';
import { askToReport, carryOpenItems, goToProgressItem, reportProgress } from './progressCheckApi';
import { commandTableTimer, editTable, endTables, fetchMergeSuggestions, fetchTableSuggestions, mergeTables, moveSeat, proposeTables, showTableOnWall } from './tablesApi';

/**
 * Every call about one board, with its id and the reader's token filled in: a view asks `api.changePhase(phase)`
 * and never handles the token itself.
 */
export function boardApi(boardId: string, token: string) {
  const forBoard =
    <A extends unknown[], R>(call: (boardId: string, token: string, ...rest: A) => R) =>
    (...rest: A): R =>
      call(boardId, token, ...rest);
  return {
    fetchBoardSummary: forBoard(fetchBoardSummary),
    editBoardDetails: forBoard(editBoardDetails),
    closeBoard: forBoard(closeBoard),
    reopenBoard: forBoard(reopenBoard),
    deleteBoard: forBoard(deleteBoard),
    changePhase: forBoard(changePhase),
    changeSettings: forBoard(changeSettings),
    commandTimer: forBoard(commandTimer),
    revealCards: forBoard(revealCards),
    fetchHistory: forBoard(fetchHistory),
    restoreBoard: forBoard(restoreBoard),
    stepPresentation: forBoard(stepPresentation),
    createObserverLink: forBoard(createObserverLink),
    rotateJoinCode: forBoard(rotateJoinCode),
    fetchLinks: forBoard(fetchLinks),
    fetchJoinAllowance: forBoard(fetchJoinAllowance),
    setJoinAllowance: forBoard(setJoinAllowance),
    mintCoFacilitatorLink: forBoard(mintCoFacilitatorLink),
    mintProjectorLink: forBoard(mintProjectorLink),
    revokeLink: forBoard(revokeLink),
    removeParticipant: forBoard(removeParticipant),
    correctParticipant: forBoard(correctParticipant),
    fetchWaiting: forBoard(fetchWaiting),
    admitParticipant: forBoard(admitParticipant),
    fetchMyData: forBoard(fetchMyData),
    openRound: forBoard(openRound),
    setUpSignoff: forBoard(setUpSignoff),
    signVersion: forBoard(signVersion),
    proposeTables: forBoard(proposeTables),
    moveSeat: forBoard(moveSeat),
    editTable: forBoard(editTable),
    commandTableTimer: forBoard(commandTableTimer),
    fetchTableSuggestions: forBoard(fetchTableSuggestions),
    endTables: forBoard(endTables),
    showTableOnWall: forBoard(showTableOnWall),
    fetchMergeSuggestions: forBoard(fetchMergeSuggestions),
    mergeTables: forBoard(mergeTables),
    closeRound: forBoard(closeRound),
    revealRound: forBoard(revealRound),
    castBallot: forBoard(castBallot),
    fetchOwnBallot: forBoard(fetchOwnBallot),
    fetchDotsPerPerson: forBoard(fetchDotsPerPerson),
    saveAgreementDraft: forBoard(saveAgreementDraft),
    freezeAgreement: forBoard(freezeAgreement),
    fetchExport: forBoard(fetchExport),
    fetchSuggestions: forBoard(fetchSuggestions),
    goToProgressItem: forBoard(goToProgressItem),
    askToReport: forBoard(askToReport),
    reportProgress: forBoard(reportProgress),
    carryOpenItems: forBoard(carryOpenItems),
  };
}

export type BoardApi = ReturnType<typeof boardApi>;
