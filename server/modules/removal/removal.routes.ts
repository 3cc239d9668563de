import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZCollectCard,
  ZConcludeReferral,
  ZCreateReferral,
  ZMemberOptionsQuery,
  ZMemberOptionsSearchBody,
  ZOpenRemovalCase,
  ZReadmission,
  ZRecordDecision,
  ZRecordRequest,
  ZRecordSelfReview,
  ZRecordVote,
  ZReferral,
  ZReferralList,
  ZRemovalCase,
  ZRemovalList,
  ZRemovalListQuery,
  ZRemovalMemberOptions,
  ZVoteBaseQuery,
  ZVoteBaseView,
  ZWithdrawCase,
} from '../../../common/contracts/removal.contract.ts';
import { z } from 'zod';
import { ZId } from '../../../common/contracts/common.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { refuseCitizenIdInUrl } from '../../http/citizen-id-in-url.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { attachmentHeader, DOCX_MIME } from '../documents/party-document.ts';
import { generateDecisionDocument } from './removal.document.ts';
import {
  collectCard,
  concludeReferral,
  createReferral,
  getReadmission,
  getRemovalCase,
  getVoteBase,
  listMemberOptions,
  listReferrals,
  listRemovalCases,
  openRemovalCase,
  recordDecision,
  recordRequest,
  recordSelfReview,
  recordVote,
  withdrawCase,
} from './removal.service.ts';

const tags = ['removal'];
const read = { policy: 'removal.read' } as const;
const manage = { policy: 'removal.manage' } as const;
const decide = { policy: 'removal.decide' } as const;
const detail = { 200: ZRemovalCase };

// Removal cases (R-RMV-03…05, R-ADM-09, R-ADM-14, R-MGT-08), discipline referrals, and readmission eligibility on a
// former member (R-ADM-15). The cell's steps need 'removal.manage'; the competent body's decision 'removal.decide',
// and the service checks the decider's organization is that body on the decision date (R-ADM-14).
export function registerRemovalRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/removal/cases', { schema: { tags, querystring: ZRemovalListQuery, response: { 200: ZRemovalList } }, config: read }, async (req) =>
    listRemovalCases(db, actorContextOf(req), req.query),
  );
  r.post('/api/removal/cases', { schema: { tags, body: ZOpenRemovalCase, response: { 201: ZRemovalCase } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await openRemovalCase(db, actorContextOf(req), req.body)),
  );
  // q searches members.search_text (name, citizen id, card number): a citizen id is refused in the URL and taken by the
  // POST twin (security.md item 25), same policy entry, same service function.
  r.get(
    '/api/removal/member-options',
    { schema: { tags, querystring: ZMemberOptionsQuery, response: { 200: ZRemovalMemberOptions } }, config: manage, preHandler: refuseCitizenIdInUrl },
    async (req) => listMemberOptions(db, actorContextOf(req), req.query),
  );
  r.post('/api/removal/member-options/search', { schema: { tags, body: ZMemberOptionsSearchBody, response: { 200: ZRemovalMemberOptions } }, config: manage }, async (req) =>
    listMemberOptions(db, actorContextOf(req), req.body),
  );
  r.get('/api/removal/cases/:id', { schema: { tags, params: ZIdParams, response: detail }, config: read }, async (req) =>
    getRemovalCase(db, actorContextOf(req), req.params.id, { audit: true }),
  );
  r.get('/api/removal/cases/:id/vote-base', { schema: { tags, params: ZIdParams, querystring: ZVoteBaseQuery, response: { 200: ZVoteBaseView } }, config: read }, async (req) =>
    getVoteBase(db, actorContextOf(req), req.params.id, req.query),
  );
  r.post('/api/removal/cases/:id/requests', { schema: { tags, params: ZIdParams, body: ZRecordRequest, response: detail }, config: manage }, async (req) =>
    recordRequest(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/removal/cases/:id/self-review', { schema: { tags, params: ZIdParams, body: ZRecordSelfReview, response: detail }, config: manage }, async (req) =>
    recordSelfReview(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/removal/cases/:id/vote', { schema: { tags, params: ZIdParams, body: ZRecordVote, response: detail }, config: manage }, async (req) =>
    recordVote(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/removal/cases/:id/decision', { schema: { tags, params: ZIdParams, body: ZRecordDecision, response: detail }, config: decide }, async (req) =>
    recordDecision(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/removal/cases/:id/card', { schema: { tags, params: ZIdParams, body: ZCollectCard, response: detail }, config: manage }, async (req) =>
    collectCard(db, actorContextOf(req), req.params.id, req.body),
  );
  r.post('/api/removal/cases/:id/withdraw', { schema: { tags, params: ZIdParams, body: ZWithdrawCase, response: detail }, config: manage }, async (req) =>
    withdrawCase(db, actorContextOf(req), req.params.id, req.body),
  );
  r.get('/api/removal/cases/:id/decision.docx', { schema: { tags, params: ZIdParams }, config: read }, async (req, reply) => {
    const { fileName, buffer } = await generateDecisionDocument(db, actorContextOf(req), req.params.id);
    return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(fileName)).send(buffer);
  });

  r.get('/api/removal/referrals', { schema: { tags, querystring: z.object({ organizationId: ZId }), response: { 200: ZReferralList } }, config: read }, async (req) =>
    listReferrals(db, actorContextOf(req), req.query.organizationId),
  );
  r.post('/api/removal/referrals', { schema: { tags, body: ZCreateReferral, response: { 201: ZReferral } }, config: manage }, async (req, reply) =>
    reply.code(201).send(await createReferral(db, actorContextOf(req), req.body)),
  );
  r.post('/api/removal/referrals/:id/conclude', { schema: { tags, params: ZIdParams, body: ZConcludeReferral, response: { 200: ZReferral } }, config: decide }, async (req) =>
    concludeReferral(db, actorContextOf(req), req.params.id, req.body),
  );

  r.get('/api/members/:id/readmission', { schema: { tags, params: ZIdParams, response: { 200: ZReadmission } }, config: read }, async (req) =>
    getReadmission(db, actorContextOf(req), req.params.id),
  );
}
