import type { IncomingMessage } from 'node:http';
import { agreementDraftBody, ballotBody, createBoardBody, demoBoardBody, editBoardBody, exportQuery, joinAllowanceBody, joinBody, openRoundBody, phaseBody, restoreBody, settingsBody, signoffBody, signoffSetupBody, timerBody, versionParam } from '../../shared/api.js';
import { rolesThatMay } from '../../shared/permissions.js';
import { ROLES, type Role } from '../../shared/phases.js';
import { coFacilitatorLinkBody, correctParticipantBody, deleteBoardBody, removeParticipantBody } from '../../shared/peopleApi.js';
import { assertMayAccess, type AccessLinks } from '../access/AccessLinks.js';
import type { People } from '../people/People.js';
import type { BoardActivity } from '../retention/BoardActivity.js';
import type { BoardDeletion } from '../retention/BoardDeletion.js';
import { resolveAccess, type Access } from '../auth/Access.js';
import type { Agreements } from '../agreement/Agreements.js';
import type { Signoffs } from '../agreement/Signoffs.js';
import type { Exports } from '../export/Exports.js';
import { createDemoWorkshop } from '../demo/DemoWorkshop.js';
import { stepPresentation } from '../workshops/Presentation.js';
import { presentationBody } from '../../shared/presentation.js';
import { boardConceptsBody } from '../../shared/suggestions/api.js';
import type { Suggestions } from '../suggestions/Suggestions.js';
import { assertFacilitator, assertMayWrite, type FollowThrough, type RegisterAccess } from '../register/FollowThrough.js';
import type { RegisterFiles } from '../register/RegisterFiles.js';
import type { ProgressCheck } from '../register/ProgressCheck.js';
import { progressCheckCurrentBody, progressCheckReporterBody } from '../../shared/followUp.js';
import { assertForumFacilitator, type ForumAccess, type Forums } from '../forums/Forums.js';
import { addWorkshopBody, createForumBody, renameForumBody } from '../../shared/forum.js';
import { registerExportQuery, registerLinkBody, registerUpdateBody } from '../../shared/register.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardRestore } from '../workshops/BoardRestore.js';
import type { Workshops } from '../workshops/Workshops.js';
import type { TableMerge } from '../tables/TableMerge.js';
import type { Tables } from '../tables/Tables.js';
import { editTableBody, mergeTablesBody, moveSeatBody, proposeTablesBody, wallTableBody } from '../../shared/tables/api.js';
import type { VoteRounds } from '../ballots/VoteRounds.js';
import type { Metrics } from '../metrics.js';
import type { StorageHealth } from '../storage/StorageHealth.js';
import type { ManagedFanout } from '../scale/Fanout.js';
import type { Stores } from '../storage/Stores.js';
import { HttpError } from './HttpError.js';
import { requireMetricsToken } from './metricsAccess.js';
import { bearerToken, readBody, Reply, Router, type RequestContext, type RouterGuard } from './router.js';

export interface RouteDeps {
  stores: Pick<Stores, 'identity' | 'ballots' | 'facts'>;
  workshops: Workshops;
  rounds: VoteRounds;
  agreements: Agreements;
  signoffs: Signoffs;
  exports: Exports;
  rooms: RoomRegistry;
  projection: ControlProjection;
  metrics: Metrics;
  health: StorageHealth;
  publicUrl: string | null;
  /** Counts wrong join codes and tokens, and board creations, per client address. */
  guard: RouterGuard;
  metricsToken: string | null;
  people: People;
  access: AccessLinks;
  deletion: BoardDeletion;
  activity: BoardActivity;
  /** The fan-out between instances, whose outage /healthz reports as degraded; absent on a single instance. */
  fanout?: Pick<ManagedFanout, 'degraded'>;
  suggestions: Suggestions;
  restore: BoardRestore;
  register: { followThrough: FollowThrough; files: RegisterFiles; progressCheck: ProgressCheck };
  forums: Forums;
  tables: Tables;
  tableMerge: TableMerge;
}

export function buildRoutes(deps: RouteDeps): Router {
  const { stores, workshops, rounds, agreements, exports, rooms, projection, metrics } = deps;
  const { suggestions } = deps;
  const baseUrl = (req: IncomingMessage) => deps.publicUrl ?? `${req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;

  const requireAccess = async (ctx: RequestContext, roles: readonly Role[]): Promise<Access> => {
    const result = await resolveAccess(stores.identity, ctx.params.boardId, bearerToken(ctx.req, ctx.url));
    if (!result.ok) {
      // An unknown board answers as a wrong token does, so nobody can find out which boards exist.
      throw new HttpError(401, 'missing or invalid token for this board');
    }
    if (!roles.includes(result.access.role)) throw new HttpError(403, `only ${roles.join(' or ')} may do this`);
    // A command is activity even when it writes no document (a link minted, say); a read is not (see BoardActivity).
    if (ctx.req.method !== 'GET') deps.activity.record(result.access.boardId);
    return result.access;
  };
  // Every facilitator command changes the workshop, so a closed workshop refuses it ('workshop-closed'); only
  // what leaves it as it is (reopening, minting an observer link, reading it as a template) skips that check.
  const facilitatorOfAnyState = (ctx: RequestContext) => requireAccess(ctx, rolesThatMay('run-workshop'));
  const facilitator = async (ctx: RequestContext): Promise<Access> => {
    const access = await facilitatorOfAnyState(ctx);
    await workshops.assertOpen(access.boardId);
    return access;
  };

  // The register is read and kept through links of its own as well as the facilitator's (FollowThrough.readerOf);
  // it outlives the workshop, so a closed workshop's register still changes.
  const { followThrough } = deps.register;
  const registerReader = async (ctx: RequestContext, check?: (access: RegisterAccess) => void): Promise<RegisterAccess> => {
    const access = await followThrough.readerOf(ctx.params.boardId, bearerToken(ctx.req, ctx.url));
    if (!access) throw new HttpError(401, 'missing or invalid token for this register');
    check?.(access);
    // An owner's update keeps the board from the retention sweep as any command does.
    if (ctx.req.method !== 'GET') deps.activity.record(access.boardId);
    return access;
  };
  // A forum opens only with a link of its own (ForumStore.findLink); a workshop's token proves its facilitator.
  const { forums } = deps;
  const forumReader = async (ctx: RequestContext, check?: (access: ForumAccess) => void): Promise<ForumAccess> => {
    const access = await forums.readerOf(ctx.params.forumId, bearerToken(ctx.req, ctx.url));
    if (!access) throw new HttpError(401, 'missing or invalid token for this forum');
    check?.(access);
    return access;
  };
  const sendFile = (file: { body: string | Uint8Array; contentType: string; filename: string }) =>
    new Reply(200, file.body, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });

  return new Router(deps.guard)
    // 503 while the database cannot write, so a load balancer or a monitor sees what the writers see. Without
    // Redis an instance still serves every board (updates between instances go through the database, slower):
    // 200, saying degraded, so a load balancer keeps it while a monitor can raise the alarm.
    .on('GET', '/healthz', () => {
      const status = deps.health.status();
      if (!status.ok) return new Reply(503, status);
      const degraded = deps.fanout?.degraded() ?? null;
      return degraded === null ? status : { ok: true, status: 'degraded', ...degraded };
    })
    .on('GET', '/metrics', (ctx) => {
      requireMetricsToken(ctx.req, deps.metricsToken);
      return new Reply(200, metrics.render(), { 'content-type': 'text/plain; version=0.0.4' });
    })
    .on('GET', '/api/time', () => ({ now: Date.now() }))
    .on('POST', '/api/boards', async (ctx) => {
      const body = await readBody(ctx.req, createBoardBody);
      await deps.guard.limits.takeBoardCreation(deps.guard.addressOf(ctx.req));
      const followUp = body.followUp && (await deps.register.progressCheck.startFrom(body.followUp));
      const created = await workshops.createBoard(body, baseUrl(ctx.req), followUp);
      if (body.followUp) await deps.forums.followUpJoins(body.followUp.boardId, created.boardId);
      return new Reply(201, created);
    })
    .on('POST', '/api/demo-boards', async (ctx) => {
      const { language } = await readBody(ctx.req, demoBoardBody);
      await deps.guard.limits.takeBoardCreation(deps.guard.addressOf(ctx.req));
      return new Reply(201, await createDemoWorkshop({ identity: stores.identity, workshops, rooms, rounds, agreements }, language, baseUrl(ctx.req)));
    })
    // A join code can be guessed: an address out of guessing budget is refused before the lookup (AbuseLimits).
    .on('GET', '/api/join/:code', async (ctx) => {
      const address = deps.guard.addressOf(ctx.req);
      const code = ctx.params.code.toUpperCase();
      deps.guard.limits.refuseWhileBlocked(address, code);
      const info = await workshops.joinCodeInfo(code);
      deps.guard.limits.rememberCode(address, code);
      return info;
    })
    .on('POST', '/api/boards/:boardId/join', async (ctx) => {
      const body = await readBody(ctx.req, joinBody);
      const address = deps.guard.addressOf(ctx.req);
      deps.guard.limits.refuseWhileBlocked(address, body.joinCode);
      const join = deps.guard.limits.takeJoin(address, ctx.params.boardId);
      const joined = await deps.guard.limits.inTurn(address, () => workshops.join(ctx.params.boardId, body)).catch((err: unknown) => {
        join.giveBack();
        throw err;
      });
      await deps.tables.seatLateComer(ctx.params.boardId, joined.participantId);
      deps.guard.limits.rememberCode(address, body.joinCode);
      return new Reply(201, joined);
    })
    .on('GET', '/api/boards/:boardId/join-allowance', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return { perAddress: deps.guard.limits.joinsPerAddress(ctx.params.boardId) };
    })
    .on('PUT', '/api/boards/:boardId/join-allowance', async (ctx) => {
      await facilitator(ctx);
      const { perAddress } = await readBody(ctx.req, joinAllowanceBody);
      return { perAddress: deps.guard.limits.raiseJoins(ctx.params.boardId, perAddress) };
    })
    .on('GET', '/api/boards/:boardId', async (ctx) => {
      const summary = await workshops.summary(await requireAccess(ctx, ROLES), baseUrl(ctx.req));
      // The facilitator's screen in the venue shows the code to the room: it works from their network from now on.
      if (summary.share) deps.guard.limits.rememberCode(deps.guard.addressOf(ctx.req), summary.share.joinCode);
      return summary;
    })
    .on('PATCH', '/api/boards/:boardId', async (ctx) => {
      await facilitator(ctx);
      const { title, question, language, groups } = await workshops.editDetails(ctx.params.boardId, await readBody(ctx.req, editBoardBody));
      return { title, question, language, groups };
    })
    .on('POST', '/api/boards/:boardId/close', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return { closedAt: (await workshops.close(ctx.params.boardId)).closedAt };
    })
    .on('POST', '/api/boards/:boardId/reopen', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return { closedAt: (await workshops.reopen(ctx.params.boardId)).closedAt };
    })
    .on('GET', '/api/boards/:boardId/template', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return workshops.template(ctx.params.boardId);
    })
    .on('POST', '/api/boards/:boardId/observer-links', async (ctx) =>
      new Reply(201, await deps.access.mintObserver(await facilitatorOfAnyState(ctx), baseUrl(ctx.req))),
    )
    .on('POST', '/api/boards/:boardId/projector-links', async (ctx) =>
      new Reply(201, await deps.access.mintProjector(await facilitatorOfAnyState(ctx), baseUrl(ctx.req))),
    )
    // People and data leaving (people, access links, deletion): allowed on a closed workshop too; correcting is not.
    .on('DELETE', '/api/boards/:boardId', async (ctx) => {
      assertMayAccess(await facilitatorOfAnyState(ctx), 'delete-workshop');
      const { confirmTitle } = await readBody(ctx.req, deleteBoardBody);
      return deps.deletion.deleteConfirmed(ctx.params.boardId, confirmTitle);
    })
    .on('DELETE', '/api/boards/:boardId/participants/:participantId', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      const { cards } = await readBody(ctx.req, removeParticipantBody);
      return deps.people.remove(ctx.params.boardId, ctx.params.participantId, cards);
    })
    .on('PATCH', '/api/boards/:boardId/participants/:participantId', async (ctx) => {
      const access = await requireAccess(ctx, ['facilitator', 'participant']);
      await workshops.assertOpen(access.boardId);
      return deps.people.correct(access, ctx.params.participantId, await readBody(ctx.req, correctParticipantBody));
    })
    .on('GET', '/api/boards/:boardId/waiting', async (ctx) => deps.people.waitingList((await facilitatorOfAnyState(ctx)).boardId))
    .on('POST', '/api/boards/:boardId/waiting/:participantId/admit', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      return deps.people.admit(boardId, ctx.params.participantId);
    })
    .on('GET', '/api/boards/:boardId/my-data', async (ctx) =>
      new Reply(200, await deps.people.myData(await requireAccess(ctx, ['participant'])), { 'content-disposition': 'attachment; filename="forumboard-my-data.json"' }),
    )
    .on('POST', '/api/boards/:boardId/join-code', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return deps.access.rotateJoinCode(ctx.params.boardId, baseUrl(ctx.req));
    })
    .on('GET', '/api/boards/:boardId/links', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return deps.access.list(ctx.params.boardId);
    })
    .on('POST', '/api/boards/:boardId/co-facilitator-links', async (ctx) => {
      const access = await facilitatorOfAnyState(ctx);
      const { name } = await readBody(ctx.req, coFacilitatorLinkBody);
      return new Reply(201, await deps.access.mintCoFacilitator(access, name, baseUrl(ctx.req)));
    })
    .on('DELETE', '/api/boards/:boardId/links/:linkId', async (ctx) => deps.access.revoke(await facilitatorOfAnyState(ctx), ctx.params.linkId))
    .on('POST', '/api/boards/:boardId/phase', async (ctx) => {
      await facilitator(ctx);
      const { phase } = await readBody(ctx.req, phaseBody);
      return { phase: (await workshops.setPhase(ctx.params.boardId, phase)).phase };
    })
    .on('POST', '/api/boards/:boardId/settings', async (ctx) => {
      await facilitator(ctx);
      const patch = await readBody(ctx.req, settingsBody);
      const { settings } = await workshops.updateSettings(ctx.params.boardId, patch);
      if (patch.strictAnonymity === false) await deps.people.admitEveryoneWaiting(ctx.params.boardId);
      return { settings };
    })
    .on('POST', '/api/boards/:boardId/timer', async (ctx) => {
      await facilitator(ctx);
      const command = await readBody(ctx.req, timerBody);
      return { timer: (await workshops.commandTimer(ctx.params.boardId, command)).timer };
    })
    .on('POST', '/api/boards/:boardId/presentation', async (ctx) => {
      await facilitator(ctx);
      return stepPresentation({ ballots: stores.ballots, facts: stores.facts, projection }, ctx.params.boardId, await readBody(ctx.req, presentationBody));
    })
    .on('GET', '/api/boards/:boardId/history', async (ctx) => deps.restore.history((await facilitatorOfAnyState(ctx)).boardId))
    .on('POST', '/api/boards/:boardId/restore', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      return deps.restore.restore(boardId, (await readBody(ctx.req, restoreBody)).seq);
    })
    .on('POST', '/api/boards/:boardId/reveal-cards', async (ctx) => {
      await facilitator(ctx);
      return workshops.revealCards(ctx.params.boardId);
    })
    .on('POST', '/api/boards/:boardId/tables', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      return new Reply(201, await deps.tables.propose(boardId, await readBody(ctx.req, proposeTablesBody)));
    })
    .on('DELETE', '/api/boards/:boardId/tables', async (ctx) => {
      await deps.tables.end((await facilitator(ctx)).boardId);
      return { ok: true };
    })
    .on('GET', '/api/boards/:boardId/tables/merge-suggestions', async (ctx) => deps.tableMerge.suggestions((await facilitator(ctx)).boardId))
    .on('POST', '/api/boards/:boardId/tables/merge', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      return deps.tableMerge.merge(boardId, await readBody(ctx.req, mergeTablesBody));
    })
    .on('PUT', '/api/boards/:boardId/tables/seats/:participantId', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      await deps.tables.move(boardId, ctx.params.participantId, (await readBody(ctx.req, moveSeatBody)).tableId);
      return { ok: true };
    })
    .on('PUT', '/api/boards/:boardId/tables/wall', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      await deps.tables.showOnWall(boardId, (await readBody(ctx.req, wallTableBody)).tableId);
      return { ok: true };
    })
    .on('POST', '/api/boards/:boardId/tables/:tableId/timer', async (ctx) => {
      const access = await requireAccess(ctx, ['facilitator', 'participant']);
      await workshops.assertOpen(access.boardId);
      return { timer: await deps.tables.commandTimer(access.boardId, ctx.params.tableId, await readBody(ctx.req, timerBody), access) };
    })
    .on('PATCH', '/api/boards/:boardId/tables/:tableId', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      await deps.tables.edit(boardId, ctx.params.tableId, await readBody(ctx.req, editTableBody));
      return { ok: true };
    })
    .on('POST', '/api/boards/:boardId/rounds', async (ctx) => {
      await facilitator(ctx);
      const body = await readBody(ctx.req, openRoundBody);
      return new Reply(201, await rounds.open(ctx.params.boardId, body));
    })
    .on('POST', '/api/boards/:boardId/rounds/:roundId/close', async (ctx) => {
      await facilitator(ctx);
      return rounds.close(ctx.params.boardId, ctx.params.roundId);
    })
    .on('POST', '/api/boards/:boardId/rounds/:roundId/reveal', async (ctx) => {
      await facilitator(ctx);
      return rounds.reveal(ctx.params.boardId, ctx.params.roundId);
    })
    .on('GET', '/api/boards/:boardId/rounds/:roundId/people', async (ctx) => {
      await facilitator(ctx);
      return rounds.perPerson(ctx.params.boardId, ctx.params.roundId);
    })
    .on('PUT', '/api/boards/:boardId/rounds/:roundId/ballot', async (ctx) => {
      const access = await requireAccess(ctx, rolesThatMay('vote'));
      await workshops.assertOpen(access.boardId);
      const { allocations } = await readBody(ctx.req, ballotBody);
      return rounds.cast(access, ctx.params.roundId, allocations);
    })
    .on('GET', '/api/boards/:boardId/rounds/:roundId/ballot', async (ctx) =>
      rounds.ballotOf(await requireAccess(ctx, rolesThatMay('vote')), ctx.params.roundId),
    )
    .on('PUT', '/api/boards/:boardId/agreement', async (ctx) => {
      await facilitator(ctx);
      return agreements.saveDraft(ctx.params.boardId, await readBody(ctx.req, agreementDraftBody));
    })
    .on('POST', '/api/boards/:boardId/agreement/freeze', async (ctx) => {
      await facilitator(ctx);
      const { version, fresh } = await agreements.freeze(ctx.params.boardId);
      return new Reply(fresh ? 201 : 200, version);
    })
    .on('PUT', '/api/boards/:boardId/signoff', async (ctx) => {
      await facilitator(ctx);
      return deps.signoffs.setUp(ctx.params.boardId, await readBody(ctx.req, signoffSetupBody));
    })
    .on('PUT', '/api/boards/:boardId/agreement/versions/:version/signoff', async (ctx) => {
      const access = await requireAccess(ctx, ['participant']);
      await workshops.assertOpen(access.boardId);
      const version = versionParam.safeParse(ctx.params.version);
      if (!version.success) throw HttpError.fromZod(version.error);
      return deps.signoffs.sign(access, version.data, await readBody(ctx.req, signoffBody));
    })
    // The record is for those who account for the workshop (facilitators) and those it reports to (observers, the
    // steering group); participants see the sign-off itself on the board.
    .on('GET', '/api/boards/:boardId/record', async (ctx) => deps.signoffs.record((await requireAccess(ctx, ['facilitator', 'observer'])).boardId))
    .on('GET', '/api/boards/:boardId/export', async (ctx) => {
      const access = await requireAccess(ctx, rolesThatMay('export'));
      const query = exportQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
      if (!query.success) throw HttpError.fromZod(query.error);
      return sendFile(await exports.exportFile(access, query.data));
    })
    .on('POST', '/api/forums', async (ctx) => new Reply(201, await forums.create(bearerToken(ctx.req, ctx.url), await readBody(ctx.req, createForumBody), baseUrl(ctx.req))))
    .on('GET', '/api/forums/:forumId', async (ctx) => forums.view(await forumReader(ctx), deps.guard.addressOf(ctx.req)))
    .on('PATCH', '/api/forums/:forumId', async (ctx) => {
      const access = await forumReader(ctx, assertForumFacilitator);
      return forums.rename(access, (await readBody(ctx.req, renameForumBody)).name);
    })
    .on('POST', '/api/forums/:forumId/workshops', async (ctx) => {
      const access = await forumReader(ctx, assertForumFacilitator);
      return new Reply(201, await forums.addWorkshop(access, await readBody(ctx.req, addWorkshopBody)));
    })
    .on('DELETE', '/api/forums/:forumId/workshops/:boardId', async (ctx) => forums.removeWorkshop(await forumReader(ctx, assertForumFacilitator), ctx.params.boardId))
    .on('GET', '/api/forums/:forumId/links', async (ctx) => forums.listReadLinks(await forumReader(ctx, assertForumFacilitator)))
    .on('POST', '/api/forums/:forumId/links', async (ctx) => new Reply(201, await forums.mintReadLink(await forumReader(ctx, assertForumFacilitator), baseUrl(ctx.req))))
    .on('DELETE', '/api/forums/:forumId/links/:linkId', async (ctx) => forums.revokeReadLink(await forumReader(ctx, assertForumFacilitator), ctx.params.linkId))
    .on('GET', '/api/boards/:boardId/forum', async (ctx) => ({ forum: await forums.forumOfBoard(ctx.params.boardId, bearerToken(ctx.req, ctx.url)) }))
    .on('POST', '/api/boards/:boardId/register', async (ctx) => new Reply(201, await followThrough.start(await registerReader(ctx, assertFacilitator))))
    .on('GET', '/api/boards/:boardId/register', async (ctx) => followThrough.view(await registerReader(ctx)))
    .on('PATCH', '/api/boards/:boardId/register/items/:itemId', async (ctx) => {
      const access = await registerReader(ctx, assertMayWrite);
      return followThrough.update(access, ctx.params.itemId, await readBody(ctx.req, registerUpdateBody));
    })
    .on('GET', '/api/boards/:boardId/register/links', async (ctx) => followThrough.listLinks(await registerReader(ctx, assertFacilitator)))
    .on('POST', '/api/boards/:boardId/register/links', async (ctx) => {
      const access = await registerReader(ctx, assertFacilitator);
      return new Reply(201, await followThrough.mintLink(access, await readBody(ctx.req, registerLinkBody), baseUrl(ctx.req)));
    })
    .on('DELETE', '/api/boards/:boardId/register/links/:linkId', async (ctx) => followThrough.revokeLink(await registerReader(ctx, assertFacilitator), ctx.params.linkId))
    .on('GET', '/api/boards/:boardId/register/export', async (ctx) => {
      const access = await registerReader(ctx);
      const query = registerExportQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
      if (!query.success) throw HttpError.fromZod(query.error);
      return sendFile(await deps.register.files.file(access, query.data));
    })
    // A follow-up workshop's progress check (server/register/ProgressCheck.ts): reports change the source register.
    .on('PUT', '/api/boards/:boardId/progress-check/current', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      await deps.register.progressCheck.goTo(boardId, (await readBody(ctx.req, progressCheckCurrentBody)).itemId);
      return { ok: true };
    })
    .on('PUT', '/api/boards/:boardId/progress-check/reporter', async (ctx) => {
      const { boardId } = await facilitator(ctx);
      await deps.register.progressCheck.askToReport(boardId, (await readBody(ctx.req, progressCheckReporterBody)).participantId);
      return { ok: true };
    })
    .on('PATCH', '/api/boards/:boardId/progress-check/items/:itemId', async (ctx) => {
      const access = await requireAccess(ctx, ['facilitator', 'participant']);
      return deps.register.progressCheck.report(access, ctx.params.itemId, await readBody(ctx.req, registerUpdateBody));
    })
    .on('POST', '/api/boards/:boardId/progress-check/carry', async (ctx) => deps.register.progressCheck.carryOpenItems((await facilitator(ctx)).boardId))
    // Clustering help (docs/suggestions.md): computed on request, never stored; the client applies what is accepted.
    .on('GET', '/api/boards/:boardId/suggestions', async (ctx) => suggestions.forBoard(await requireAccess(ctx, rolesThatMay('cluster'))))
    .on('GET', '/api/boards/:boardId/tables/:tableId/suggestions', async (ctx) => suggestions.forTable(await requireAccess(ctx, rolesThatMay('cluster')), ctx.params.tableId))
    .on('GET', '/api/boards/:boardId/suggestions/concepts', async (ctx) => {
      await facilitatorOfAnyState(ctx);
      return suggestions.concepts(ctx.params.boardId).then((concepts) => ({ concepts }));
    })
    .on('PUT', '/api/boards/:boardId/suggestions/concepts', async (ctx) => {
      await facilitator(ctx);
      const { concepts } = await readBody(ctx.req, boardConceptsBody);
      return { concepts: await suggestions.setConcepts(ctx.params.boardId, concepts) };
    });
}
