import type { IncomingMessage } from 'node:http';
import { agreementDraftBody, ballotBody, createBoardBody, demoBoardBody, exportFormat, joinBody, openRoundBody, phaseBody, settingsBody, timerBody } from '../../shared/api.js';
import type { Role } from '../../shared/phases.js';
import { resolveAccess, type Access } from '../auth/Access.js';
import type { Agreements } from '../board/Agreements.js';
import { createDemoWorkshop } from '../demo/DemoWorkshop.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardService } from '../board/BoardService.js';
import type { VoteRounds } from '../board/VoteRounds.js';
import type { Metrics } from '../metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { HttpError } from './HttpError.js';
import { bearerToken, readBody, Reply, Router, type RequestContext } from './router.js';

export interface RouteDeps {
  store: BoardStore;
  boards: BoardService;
  rounds: VoteRounds;
  agreements: Agreements;
  rooms: RoomRegistry;
  metrics: Metrics;
  publicUrl: string | null;
}

export function buildRoutes(deps: RouteDeps): Router {
  const { store, boards, rounds, agreements, rooms, metrics } = deps;
  const baseUrl = (req: IncomingMessage) => deps.publicUrl ?? `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;

  const requireAccess = (ctx: RequestContext, roles: readonly Role[]): Access => {
    const result = resolveAccess(store, ctx.params.boardId, bearerToken(ctx.req, ctx.url));
    if (!result.ok) {
      if (result.problem === 'unknown-board') throw new HttpError(404, 'unknown board');
      throw new HttpError(401, 'missing or invalid token for this board');
    }
    if (!roles.includes(result.access.role)) throw new HttpError(403, `only ${roles.join(' or ')} may do this`);
    return result.access;
  };
  const facilitator = (ctx: RequestContext) => requireAccess(ctx, ['facilitator']);

  return new Router()
    .on('GET', '/healthz', () => ({ ok: true }))
    .on('GET', '/metrics', () => new Reply(200, metrics.render(), { 'content-type': 'text/plain; version=0.0.4' }))
    .on('GET', '/api/time', () => ({ now: Date.now() }))
    .on('POST', '/api/boards', async (ctx) => {
      const body = await readBody(ctx.req, createBoardBody);
      return new Reply(201, boards.createBoard(body, baseUrl(ctx.req)));
    })
    .on('POST', '/api/demo-boards', async (ctx) => {
      const { language } = await readBody(ctx.req, demoBoardBody);
      return new Reply(201, createDemoWorkshop(boards, rooms, language, baseUrl(ctx.req)));
    })
    .on('GET', '/api/join/:code', (ctx) => boards.joinCodeInfo(ctx.params.code))
    .on('POST', '/api/boards/:boardId/join', async (ctx) => {
      const body = await readBody(ctx.req, joinBody);
      return new Reply(201, boards.join(ctx.params.boardId, body));
    })
    .on('GET', '/api/boards/:boardId', (ctx) =>
      boards.summary(requireAccess(ctx, ['facilitator', 'participant', 'observer']), baseUrl(ctx.req)),
    )
    .on('POST', '/api/boards/:boardId/observer-links', (ctx) => {
      facilitator(ctx);
      return new Reply(201, boards.newObserverLink(ctx.params.boardId, baseUrl(ctx.req)));
    })
    .on('POST', '/api/boards/:boardId/phase', async (ctx) => {
      facilitator(ctx);
      const { phase } = await readBody(ctx.req, phaseBody);
      return { phase: boards.setPhase(ctx.params.boardId, phase).phase };
    })
    .on('POST', '/api/boards/:boardId/settings', async (ctx) => {
      facilitator(ctx);
      const patch = await readBody(ctx.req, settingsBody);
      return { settings: boards.updateSettings(ctx.params.boardId, patch).settings };
    })
    .on('POST', '/api/boards/:boardId/timer', async (ctx) => {
      facilitator(ctx);
      const command = await readBody(ctx.req, timerBody);
      return { timer: boards.commandTimer(ctx.params.boardId, command).timer };
    })
    .on('POST', '/api/boards/:boardId/reveal-cards', (ctx) => {
      facilitator(ctx);
      return boards.revealCards(ctx.params.boardId);
    })
    .on('POST', '/api/boards/:boardId/rounds', async (ctx) => {
      facilitator(ctx);
      const body = await readBody(ctx.req, openRoundBody);
      return new Reply(201, rounds.open(ctx.params.boardId, body));
    })
    .on('POST', '/api/boards/:boardId/rounds/:roundId/close', (ctx) => {
      facilitator(ctx);
      return rounds.close(ctx.params.boardId, ctx.params.roundId);
    })
    .on('POST', '/api/boards/:boardId/rounds/:roundId/reveal', (ctx) => {
      facilitator(ctx);
      return rounds.reveal(ctx.params.boardId, ctx.params.roundId);
    })
    .on('PUT', '/api/boards/:boardId/rounds/:roundId/ballot', async (ctx) => {
      const access = requireAccess(ctx, ['participant']);
      const { allocations } = await readBody(ctx.req, ballotBody);
      return rounds.cast(access, ctx.params.roundId, allocations);
    })
    .on('GET', '/api/boards/:boardId/rounds/:roundId/ballot', (ctx) =>
      rounds.ballotOf(requireAccess(ctx, ['participant']), ctx.params.roundId),
    )
    .on('PUT', '/api/boards/:boardId/agreement', async (ctx) => {
      facilitator(ctx);
      return agreements.saveDraft(ctx.params.boardId, await readBody(ctx.req, agreementDraftBody));
    })
    .on('POST', '/api/boards/:boardId/agreement/freeze', (ctx) => {
      facilitator(ctx);
      return new Reply(201, agreements.freeze(ctx.params.boardId));
    })
    .on('GET', '/api/boards/:boardId/export', async (ctx) => {
      const access = requireAccess(ctx, ['facilitator', 'observer', 'participant']);
      const format = exportFormat.safeParse(ctx.url.searchParams.get('format') ?? 'csv');
      if (!format.success) throw new HttpError(400, 'format must be csv, md, json or xlsx', 'format');
      const rawVersion = ctx.url.searchParams.get('version');
      const version = rawVersion === null ? undefined : Number(rawVersion);
      if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new HttpError(400, 'version must be a positive whole number', 'version');
      const file = await agreements.exportFile(access, format.data, version);
      return new Reply(200, file.body, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      });
    });
}
