// Types only from shared/api.ts: its zod schemas would otherwise land in the start page's bundle.
import type {
  ApiError,
  BoardSummary,
  CreateBoardBody,
  CreateBoardResponse,
  JoinBody,
  JoinCodeInfo,
  JoinResponse,
  ObserverLinkResponse,
  TimerCommand,
} from '../../shared/api';
import type { BoardSettings, Phase } from '../../shared/phases';

/** A failed call: `status` 0 means the server was not reached at all. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.error ?? `HTTP ${status}`);
  }

  get field(): string | undefined {
    return this.body?.field ?? this.body?.issues?.[0]?.field;
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiFailure(0, null);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) throw new ApiFailure(response.status, (json as ApiError | null) ?? null);
  return json as T;
}

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export const createBoard = (body: CreateBoardBody) => call<CreateBoardResponse>('POST', '/api/boards', { body });

export const lookUpJoinCode = (code: string) => call<JoinCodeInfo>('GET', `/api/join/${encodeURIComponent(code)}`);

export const joinBoard = (boardId: string, body: JoinBody) =>
  call<JoinResponse>('POST', `${boardPath(boardId)}/join`, { body });

export const fetchBoardSummary = (boardId: string, token: string) => call<BoardSummary>('GET', boardPath(boardId), { token });

export const changePhase = (boardId: string, token: string, phase: Phase) =>
  call<unknown>('POST', `${boardPath(boardId)}/phase`, { token, body: { phase } });

export const changeSettings = (boardId: string, token: string, settings: Partial<BoardSettings>) =>
  call<unknown>('POST', `${boardPath(boardId)}/settings`, { token, body: settings });

export const commandTimer = (boardId: string, token: string, command: TimerCommand) =>
  call<unknown>('POST', `${boardPath(boardId)}/timer`, { token, body: command });

export const createObserverLink = (boardId: string, token: string) =>
  call<ObserverLinkResponse>('POST', `${boardPath(boardId)}/observer-links`, { token, body: {} });

export const revealCards = (boardId: string, token: string) =>
  call<unknown>('POST', `${boardPath(boardId)}/reveal-cards`, { token, body: {} });

export const fetchServerTime = () => call<{ now: number }>('GET', '/api/time');
