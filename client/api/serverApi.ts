// Types only from shared/api.ts: its zod schemas would otherwise land in the start page's bundle.
import type {
  AgreementDraftBody,
  AgreementVersion,
  ApiError,
  BoardSummary,
  BoardTemplate,
  CreateBoardBody,
  EditBoardBody,
  CreateBoardResponse,
  ExportFormat,
  HistoryResponse,
  JoinBody,
  JoinCodeInfo,
  JoinResponse,
  ObserverLinkResponse,
  OpenRoundBody,
  OwnBallot,
  SignoffBody,
  SignoffSetupBody,
  StoredBallot,
  TimerCommand,
} from '../../shared/api';
import type { BoardSettings, Language, Phase } from '../../shared/phases';
import type { PresentationStep } from '../../shared/presentation';
import type { NewRegisterLink, RegisterExportQuery, RegisterItem, RegisterLink, RegisterLinkBody, RegisterUpdateBody, RegisterView } from '../../shared/register';
import type { SignoffDecision, SignoffSetup } from '../../shared/signoff';
import type { AddWorkshopBody, CreateForumBody, ForumCreated, ForumLink, ForumView, NewForumLink } from '../../shared/forum';
import type { SuggestionsResponse } from '../../shared/suggestions/api';
import type { PersonDots, RoundState, Tally } from '../../shared/voting/types';

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

export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
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

export const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export const createBoard = (body: CreateBoardBody) => call<CreateBoardResponse>('POST', '/api/boards', { body });
export const createDemoBoard = (language: Language) => call<CreateBoardResponse>('POST', '/api/demo-boards', { body: { language } });

export const lookUpJoinCode = (code: string) => call<JoinCodeInfo>('GET', `/api/join/${encodeURIComponent(code)}`);

export const joinBoard = (boardId: string, body: JoinBody) =>
  call<JoinResponse>('POST', `${boardPath(boardId)}/join`, { body });

export const fetchBoardSummary = (boardId: string, token: string) => call<BoardSummary>('GET', boardPath(boardId), { token });

export const editBoardDetails = (boardId: string, token: string, body: EditBoardBody) =>
  call<Pick<BoardSummary, 'title' | 'question' | 'language' | 'groups'>>('PATCH', boardPath(boardId), { token, body });

export const closeBoard = (boardId: string, token: string) => call<{ closedAt: number }>('POST', `${boardPath(boardId)}/close`, { token, body: {} });

export const reopenBoard = (boardId: string, token: string) => call<{ closedAt: null }>('POST', `${boardPath(boardId)}/reopen`, { token, body: {} });

/** An earlier workshop as a starting point: question, language, groups and settings. */
export const fetchBoardTemplate = (boardId: string, token: string) => call<BoardTemplate>('GET', `${boardPath(boardId)}/template`, { token });

export const changePhase = (boardId: string, token: string, phase: Phase) =>
  call<unknown>('POST', `${boardPath(boardId)}/phase`, { token, body: { phase } });

export const stepPresentation = (boardId: string, token: string, step: PresentationStep) =>
  call<PresentationStep>('POST', `${boardPath(boardId)}/presentation`, { body: step, token });
/** The server's suggested themes and near-duplicate pairs for the board's cards not in a theme yet. */
export const fetchSuggestions = (boardId: string, token: string) => call<SuggestionsResponse>('GET', `${boardPath(boardId)}/suggestions`, { token });

export const changeSettings = (boardId: string, token: string, settings: Partial<BoardSettings>) =>
  call<unknown>('POST', `${boardPath(boardId)}/settings`, { token, body: settings });

export const commandTimer = (boardId: string, token: string, command: TimerCommand) =>
  call<unknown>('POST', `${boardPath(boardId)}/timer`, { token, body: command });

export const createObserverLink = (boardId: string, token: string) =>
  call<ObserverLinkResponse>('POST', `${boardPath(boardId)}/observer-links`, { token, body: {} });

export const fetchHistory = (boardId: string, token: string) => call<HistoryResponse>('GET', `${boardPath(boardId)}/history`, { token });

export const restoreBoard = (boardId: string, token: string, seq: number) =>
  call<{ restoredTo: number }>('POST', `${boardPath(boardId)}/restore`, { token, body: { seq } });

export const revealCards = (boardId: string, token: string) =>
  call<unknown>('POST', `${boardPath(boardId)}/reveal-cards`, { token, body: {} });

export const fetchServerTime = () => call<{ now: number }>('GET', '/api/time');

const roundPath = (boardId: string, roundId: string) => `${boardPath(boardId)}/rounds/${encodeURIComponent(roundId)}`;

export const openRound = (boardId: string, token: string, body: OpenRoundBody) =>
  call<RoundState>('POST', `${boardPath(boardId)}/rounds`, { token, body });

export const closeRound = (boardId: string, token: string, roundId: string) =>
  call<RoundState>('POST', `${roundPath(boardId, roundId)}/close`, { token, body: {} });

export const revealRound = (boardId: string, token: string, roundId: string) =>
  call<Tally>('POST', `${roundPath(boardId, roundId)}/reveal`, { token, body: {} });

export const castBallot = (boardId: string, token: string, roundId: string, allocations: Record<string, number>) =>
  call<StoredBallot>('PUT', `${roundPath(boardId, roundId)}/ballot`, { token, body: { allocations } });

export const fetchOwnBallot = (boardId: string, token: string, roundId: string) =>
  call<OwnBallot>('GET', `${roundPath(boardId, roundId)}/ballot`, { token });

export const fetchDotsPerPerson = (boardId: string, token: string, roundId: string) =>
  call<PersonDots[]>('GET', `${roundPath(boardId, roundId)}/people`, { token });

export const saveAgreementDraft = (boardId: string, token: string, draft: AgreementDraftBody) =>
  call<AgreementDraftBody>('PUT', `${boardPath(boardId)}/agreement`, { token, body: draft });

export const freezeAgreement = (boardId: string, token: string) =>
  call<AgreementVersion>('POST', `${boardPath(boardId)}/agreement/freeze`, { token, body: {} });

export const setUpSignoff = (boardId: string, token: string, setup: SignoffSetupBody) =>
  call<SignoffSetup>('PUT', `${boardPath(boardId)}/signoff`, { token, body: setup });

export const signVersion = (boardId: string, token: string, version: number, body: SignoffBody) =>
  call<SignoffDecision>('PUT', `${boardPath(boardId)}/agreement/versions/${version}/signoff`, { token, body });

/** An export file: fetched with the token in a header (not in a URL that lands in logs and history). */
/** Without `lang`, the export is in the workshop's language. */
export function fetchExport(boardId: string, token: string, format: ExportFormat, version?: number, lang?: Language): Promise<{ blob: Blob; filename: string }> {
  const query = new URLSearchParams({ format, ...(version === undefined ? {} : { version: String(version) }), ...(lang === undefined ? {} : { lang }) });
  return fetchFile(`${boardPath(boardId)}/export?${query}`, token, `forumboard.${format}`);
}

async function fetchFile(path: string, token: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiFailure(0, null);
  }
  if (!response.ok) throw new ApiFailure(response.status, ((await response.json().catch(() => null)) as ApiError | null) ?? null);
  return { blob: await response.blob(), filename: attachmentName(response.headers.get('content-disposition')) ?? fallbackName };
}

const registerPath = (boardId: string) => `${boardPath(boardId)}/register`;

export const fetchRegister = (boardId: string, token: string) => call<RegisterView>('GET', registerPath(boardId), { token });

export const startRegister = (boardId: string, token: string) => call<RegisterView>('POST', registerPath(boardId), { token, body: {} });

export const updateRegisterItem = (boardId: string, token: string, itemId: string, body: RegisterUpdateBody) =>
  call<RegisterItem>('PATCH', `${registerPath(boardId)}/items/${encodeURIComponent(itemId)}`, { token, body });

export const fetchRegisterLinks = (boardId: string, token: string) => call<RegisterLink[]>('GET', `${registerPath(boardId)}/links`, { token });

export const mintRegisterLink = (boardId: string, token: string, body: RegisterLinkBody) =>
  call<NewRegisterLink>('POST', `${registerPath(boardId)}/links`, { token, body });

export const revokeRegisterLink = (boardId: string, token: string, linkId: string) =>
  call<{ revoked: string }>('DELETE', `${registerPath(boardId)}/links/${encodeURIComponent(linkId)}`, { token });

export const fetchRegisterFile = (boardId: string, token: string, format: RegisterExportQuery['format']) =>
  fetchFile(`${registerPath(boardId)}/export?format=${format}`, token, `register.${format}`);

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*` form (RFC 6266). */
function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) return decodeURIComponent(extended[1]!);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

const forumPath = (forumId: string) => `/api/forums/${encodeURIComponent(forumId)}`;

/** Created with the first workshop's facilitator token; the answer carries the forum's own link, shown once. */
export const createForum = (boardToken: string, body: CreateForumBody) => call<ForumCreated>('POST', '/api/forums', { token: boardToken, body });

export const fetchForum = (forumId: string, token: string) => call<ForumView>('GET', forumPath(forumId), { token });

export const renameForum = (forumId: string, token: string, name: string) => call<{ name: string }>('PATCH', forumPath(forumId), { token, body: { name } });

export const addForumWorkshop = (forumId: string, token: string, body: AddWorkshopBody) => call<{ added: string }>('POST', `${forumPath(forumId)}/workshops`, { token, body });

export const removeForumWorkshop = (forumId: string, token: string, boardId: string) =>
  call<{ removed: string }>('DELETE', `${forumPath(forumId)}/workshops/${encodeURIComponent(boardId)}`, { token });

export const fetchForumLinks = (forumId: string, token: string) => call<ForumLink[]>('GET', `${forumPath(forumId)}/links`, { token });

export const mintForumLink = (forumId: string, token: string) => call<NewForumLink>('POST', `${forumPath(forumId)}/links`, { token });

export const revokeForumLink = (forumId: string, token: string, linkId: string) =>
  call<{ revoked: string }>('DELETE', `${forumPath(forumId)}/links/${encodeURIComponent(linkId)}`, { token });

/** The forum a workshop belongs to, for its facilitator. */
export const fetchBoardForum = (boardId: string, token: string) => call<{ forum: { forumId: string; name: string } | null }>('GET', `${boardPath(boardId)}/forum`, { token });
