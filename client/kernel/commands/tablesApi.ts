// Types only from shared/tables/api.ts: its zod schemas stay on the server.
import type { EditTableBody, MergeResult, MergeSuggestions, MergeTablesBody, ProposeTablesBody } from '../../../shared/tables/api';
import type { TimerCommand } from '../../../shared/api';
import type { SuggestionsResponse } from '../../../shared/suggestions/api';
import type { Seating } from '../../../shared/tables/seating';
import type { TimerState } from '../../../shared/timer';
import { boardPath, call } from '../../api/serverApi';

const tablesPath = (boardId: string) => `${boardPath(boardId)}/tables`;

export const proposeTables = (boardId: string, token: string, body: ProposeTablesBody) => call<Seating>('POST', tablesPath(boardId), { token, body });

export const moveSeat = (boardId: string, token: string, participantId: string, tableId: string) =>
  call<{ ok: true }>('PUT', `${tablesPath(boardId)}/seats/${encodeURIComponent(participantId)}`, { token, body: { tableId } });

export const editTable = (boardId: string, token: string, tableId: string, body: EditTableBody) =>
  call<{ ok: true }>('PATCH', `${tablesPath(boardId)}/${encodeURIComponent(tableId)}`, { token, body });

export const commandTableTimer = (boardId: string, token: string, tableId: string, command: TimerCommand) =>
  call<{ timer: TimerState }>('POST', `${tablesPath(boardId)}/${encodeURIComponent(tableId)}/timer`, { token, body: command });

export const fetchTableSuggestions = (boardId: string, token: string, tableId: string) =>
  call<SuggestionsResponse>('GET', `${tablesPath(boardId)}/${encodeURIComponent(tableId)}/suggestions`, { token });

export const showTableOnWall = (boardId: string, token: string, tableId: string | null) => call<{ ok: true }>('PUT', `${tablesPath(boardId)}/wall`, { token, body: { tableId } });

export const endTables = (boardId: string, token: string) => call<{ ok: true }>('DELETE', tablesPath(boardId), { token });

export const fetchMergeSuggestions = (boardId: string, token: string) => call<MergeSuggestions>('GET', `${tablesPath(boardId)}/merge-suggestions`, { token });

export const mergeTables = (boardId: string, token: string, body: MergeTablesBody) => call<MergeResult>('POST', `${tablesPath(boardId)}/merge`, { token, body });
