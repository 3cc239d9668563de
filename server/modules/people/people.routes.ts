import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZCreateMember,
  ZMemberDetail,
  ZMemberList,
  ZMemberListQuery,
  ZMemberSearchBody,
  ZRecordMemberEvent,
  ZUpdateMember,
} from '../../../common/contracts/members.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { createMember, getMember, listMembers, recordMemberEvent, updateMember } from './people.service.ts';

// Member records (persons and members). Thin edges: parse, policy (config.policy), one service call.
export function registerPeopleRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];

  r.get(
    '/api/members',
    // security.md item 25: a citizen id in `q` is refused here (citizen_id_in_url); POST /api/members/search takes it.
    { schema: { tags, querystring: ZMemberListQuery, response: { 200: ZMemberList } }, config: { policy: 'member.list' }, preHandler: refuseCitizenIdInUrl },
    async (req) => listMembers(db, actorContextOf(req), req.query),
  );

  // The same search with its filters in the body: the way to search by citizen id (same scope, same answer).
  r.post(
    '/api/members/search',
    { schema: { tags, body: ZMemberSearchBody, response: { 200: ZMemberList } }, config: { policy: 'member.list' } },
    async (req) => listMembers(db, actorContextOf(req), req.body),
  );

  r.get(
    '/api/members/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZMemberDetail } }, config: { policy: 'member.read' } },
    async (req) => getMember(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/members',
    { schema: { tags, body: ZCreateMember, response: { 201: ZMemberDetail } }, config: { policy: 'member.create' } },
    async (req, reply) => reply.code(201).send(await createMember(db, actorContextOf(req), req.body)),
  );

  r.put(
    '/api/members/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateMember, response: { 200: ZMemberDetail } }, config: { policy: 'member.update' } },
    async (req) => updateMember(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/members/:id/events',
    { schema: { tags, params: ZIdParams, body: ZRecordMemberEvent, response: { 200: ZMemberDetail } }, config: { policy: 'member.change_status' } },
    async (req) => recordMemberEvent(db, actorContextOf(req), req.params.id, req.body),
  );
}
