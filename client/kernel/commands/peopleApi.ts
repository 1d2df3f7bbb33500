// Types only from shared/peopleApi.ts: its zod schemas stay on the server.
import type {
  CorrectParticipantBody,
  JoinCodeResponse,
  LinksResponse,
  MyDataExport,
  NewLinkResponse,
  ParticipantDetails,
  RemoveParticipantBody,
  RemoveParticipantResponse,
  RevokeLinkResponse,
  WaitingResponse,
} from '../../../shared/peopleApi';
import { boardPath, call } from '../../api/serverApi';

const personPath = (boardId: string, participantId: string) => `${boardPath(boardId)}/participants/${encodeURIComponent(participantId)}`;

export const removeParticipant = (boardId: string, token: string, participantId: string, body: RemoveParticipantBody) =>
  call<RemoveParticipantResponse>('DELETE', personPath(boardId, participantId), { token, body });

export const correctParticipant = (boardId: string, token: string, participantId: string, body: CorrectParticipantBody) =>
  call<ParticipantDetails>('PATCH', personPath(boardId, participantId), { token, body });

export const fetchWaiting = (boardId: string, token: string) => call<WaitingResponse>('GET', `${boardPath(boardId)}/waiting`, { token });

export const admitParticipant = (boardId: string, token: string, participantId: string) =>
  call<ParticipantDetails>('POST', `${boardPath(boardId)}/waiting/${encodeURIComponent(participantId)}/admit`, { token, body: {} });

export const fetchMyData = (boardId: string, token: string) => call<MyDataExport>('GET', `${boardPath(boardId)}/my-data`, { token });

export const rotateJoinCode = (boardId: string, token: string) => call<JoinCodeResponse>('POST', `${boardPath(boardId)}/join-code`, { token, body: {} });

export const fetchLinks = (boardId: string, token: string) => call<LinksResponse>('GET', `${boardPath(boardId)}/links`, { token });

/** How many people may join the workshop from one address (a venue's network) per hour. */
export interface JoinAllowance {
  perAddress: number;
}

export const fetchJoinAllowance = (boardId: string, token: string) => call<JoinAllowance>('GET', `${boardPath(boardId)}/join-allowance`, { token });

export const setJoinAllowance = (boardId: string, token: string, perAddress: number) =>
  call<JoinAllowance>('PUT', `${boardPath(boardId)}/join-allowance`, { token, body: { perAddress } });

export const mintCoFacilitatorLink = (boardId: string, token: string, name: string) =>
  call<NewLinkResponse>('POST', `${boardPath(boardId)}/co-facilitator-links`, { token, body: { name } });

export const mintProjectorLink = (boardId: string, token: string) => call<NewLinkResponse>('POST', `${boardPath(boardId)}/projector-links`, { token, body: {} });

export const revokeLink = (boardId: string, token: string, linkId: string) =>
  call<RevokeLinkResponse>('DELETE', `${boardPath(boardId)}/links/${encodeURIComponent(linkId)}`, { token });

export const deleteBoard = (boardId: string, token: string, confirmTitle: string) =>
  call<{ deleted: string }>('DELETE', boardPath(boardId), { token, body: { confirmTitle } });
