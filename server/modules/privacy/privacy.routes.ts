import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZAcknowledgePrivacyRequest,
  ZCreatePrivacyRequest,
  ZPersonalDataExport,
  ZPrivacyRequest,
  ZPrivacyRequestList,
  ZPrivacyRequestListQuery,
  ZRespondPrivacyRequest,
} from '../../../common/contracts/privacy.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import { acknowledgePrivacyRequest, createPrivacyRequest, exportPersonalData, listPrivacyRequests, respondPrivacyRequest } from './privacy.service.ts';

const tags = ['privacy'];

// A data subject's export and requests (security.md item 26).
export function registerPrivacyRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/members/:id/personal-data',
    { schema: { tags, params: ZIdParams, response: { 200: ZPersonalDataExport } }, config: { policy: 'privacy.export' } },
    async (req) => exportPersonalData(db, actorContextOf(req), req.params.id),
  );

  r.get(
    '/api/privacy-requests',
    { schema: { tags, querystring: ZPrivacyRequestListQuery, response: { 200: ZPrivacyRequestList } }, config: { policy: 'privacy.read' } },
    async (req) => listPrivacyRequests(db, actorContextOf(req), req.query),
  );

  r.post(
    '/api/privacy-requests',
    { schema: { tags, body: ZCreatePrivacyRequest, response: { 201: ZPrivacyRequest } }, config: { policy: 'privacy.manage' } },
    async (req, reply) => reply.code(201).send(await createPrivacyRequest(db, actorContextOf(req), req.body)),
  );

  r.post(
    '/api/privacy-requests/:id/acknowledge',
    { schema: { tags, params: ZIdParams, body: ZAcknowledgePrivacyRequest, response: { 200: ZPrivacyRequest } }, config: { policy: 'privacy.manage' } },
    async (req) => acknowledgePrivacyRequest(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/privacy-requests/:id/respond',
    { schema: { tags, params: ZIdParams, body: ZRespondPrivacyRequest, response: { 200: ZPrivacyRequest } }, config: { policy: 'privacy.manage' } },
    async (req) => respondPrivacyRequest(db, actorContextOf(req), req.params.id, req.body),
  );
}
