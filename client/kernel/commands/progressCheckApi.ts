import type { RegisterItem, RegisterUpdateBody } from '../../../shared/register';
import { boardPath, call } from '../../api/serverApi';

const progressCheckPath = (boardId: string) => `${boardPath(boardId)}/progress-check`;

export const goToProgressItem = (boardId: string, token: string, itemId: string) => call<{ ok: true }>('PUT', `${progressCheckPath(boardId)}/current`, { token, body: { itemId } });

export const askToReport = (boardId: string, token: string, participantId: string | null) =>
  call<{ ok: true }>('PUT', `${progressCheckPath(boardId)}/reporter`, { token, body: { participantId } });

export const reportProgress = (boardId: string, token: string, itemId: string, body: RegisterUpdateBody) =>
  call<RegisterItem>('PATCH', `${progressCheckPath(boardId)}/items/${encodeURIComponent(itemId)}`, { token, body });

export const carryOpenItems = (boardId: string, token: string) => call<{ carried: number }>('POST', `${progressCheckPath(boardId)}/carry`, { token });
