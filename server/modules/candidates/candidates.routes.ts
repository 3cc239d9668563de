import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAssignHelper,
  ZCandidateList,
  ZCandidateListQuery,
  ZCandidateSearchBody,
  ZCandidateView,
  ZChangeCandidateStatus,
  ZHelperOptions,
  ZIntroduceCandidate,
  ZPersonOptions,
  ZPersonOptionsQuery,
  ZPersonOptionsSearchBody,
  ZUpdateCandidate,
} from '../../../common/contracts/candidates.contract.ts';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import {
  assignHelper,
  changeCandidateStatus,
  getCandidate,
  introduceCandidate,
  listCandidates,
  listHelperOptions,
  searchPersonOptions,
  updateCandidate,
} from './candidates.service.ts';

const tags = ['candidates'];
const view = { 200: ZCandidateView };

// Candidates (quần chúng ưu tú): front officers and cells introduce, officials of the subtree read and manage;
// a front officer reads only the people they introduced, in the limited view (policy 'candidate.read': 'self').
export function registerCandidateRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // q searches persons.search_text (name and citizen id): a citizen id is refused in the URL and taken by the POST twin
  // (security.md item 25), same policy entry, same service function.
  r.get(
    '/api/candidates',
    { schema: { tags, querystring: ZCandidateListQuery, response: { 200: ZCandidateList } }, config: { policy: 'candidate.read' }, preHandler: refuseCitizenIdInUrl },
    async (req) => listCandidates(db, actorContextOf(req), req.query),
  );
  r.post(
    '/api/candidates/search',
    { schema: { tags, body: ZCandidateSearchBody, response: { 200: ZCandidateList } }, config: { policy: 'candidate.read' } },
    async (req) => listCandidates(db, actorContextOf(req), req.body),
  );

  r.get(
    '/api/candidates/person-options',
    { schema: { tags, querystring: ZPersonOptionsQuery, response: { 200: ZPersonOptions } }, config: { policy: 'candidate.manage' }, preHandler: refuseCitizenIdInUrl },
    async (req) => searchPersonOptions(db, actorContextOf(req), req.query.q),
  );
  r.post(
    '/api/candidates/person-options/search',
    { schema: { tags, body: ZPersonOptionsSearchBody, response: { 200: ZPersonOptions } }, config: { policy: 'candidate.manage' } },
    async (req) => searchPersonOptions(db, actorContextOf(req), req.body.q),
  );

  r.get(
    '/api/candidates/:id',
    { schema: { tags, params: ZIdParams, response: view }, config: { policy: 'candidate.read' } },
    async (req) => getCandidate(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/candidates',
    { schema: { tags, body: ZIntroduceCandidate, response: { 201: ZCandidateView } }, config: { policy: 'candidate.introduce' } },
    async (req, reply) => reply.code(201).send(await introduceCandidate(db, actorContextOf(req), req.body)),
  );

  r.put(
    '/api/candidates/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCandidate, response: view }, config: { policy: 'candidate.manage' } },
    async (req) => updateCandidate(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/candidates/:id/helper-options',
    { schema: { tags, params: ZIdParams, response: { 200: ZHelperOptions } }, config: { policy: 'candidate.manage' } },
    async (req) => listHelperOptions(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/candidates/:id/helper',
    { schema: { tags, params: ZIdParams, body: ZAssignHelper, response: view }, config: { policy: 'candidate.manage' } },
    async (req) => assignHelper(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/candidates/:id/status',
    { schema: { tags, params: ZIdParams, body: ZChangeCandidateStatus, response: view }, config: { policy: 'candidate.manage' } },
    async (req) => changeCandidateStatus(db, actorContextOf(req), req.params.id, req.body),
  );
}
