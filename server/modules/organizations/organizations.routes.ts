import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../common/contracts/common.contract.ts';
import {
  ZChangeAuthority,
  ZCreateOrganization,
  ZDissolveOrganization,
  ZMergeOrganizations,
  ZMoveOrganization,
  ZOrganizationDetail,
  ZRenameOrganization,
  ZSplitOrganization,
  ZTreeQuery,
  ZTreeResponse,
} from '../../../common/contracts/organizations.contract.ts';
import type { RouteDeps } from '../../app.ts';
import { actorContextOf } from '../../http/request-context.ts';
import {
  changeAuthority,
  createOrganization,
  dissolveOrganization,
  getOrganization,
  getTree,
  mergeOrganizations,
  moveOrganization,
  renameOrganization,
  splitOrganization,
} from './organizations.service.ts';

const tags = ['organizations'];
const detail = { 200: ZOrganizationDetail };

export function registerOrganizationRoutes(app: FastifyInstance, { db }: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/organizations/tree',
    { schema: { tags, querystring: ZTreeQuery, response: { 200: ZTreeResponse } }, config: { policy: 'organization.read' } },
    async (req) => getTree(db, actorContextOf(req), req.query.asOf),
  );

  r.get(
    '/api/organizations/:id',
    { schema: { tags, params: ZIdParams, response: detail }, config: { policy: 'organization.read' } },
    async (req) => getOrganization(db, actorContextOf(req), req.params.id),
  );

  r.post(
    '/api/organizations',
    { schema: { tags, body: ZCreateOrganization, response: { 201: ZOrganizationDetail } }, config: { policy: 'organization.manage' } },
    async (req, reply) => reply.code(201).send(await createOrganization(db, actorContextOf(req), req.body)),
  );

  r.post(
    '/api/organizations/merge',
    { schema: { tags, body: ZMergeOrganizations, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => mergeOrganizations(db, actorContextOf(req), req.body),
  );

  r.post(
    '/api/organizations/:id/rename',
    { schema: { tags, params: ZIdParams, body: ZRenameOrganization, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => renameOrganization(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/organizations/:id/move',
    { schema: { tags, params: ZIdParams, body: ZMoveOrganization, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => moveOrganization(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/organizations/:id/authority',
    { schema: { tags, params: ZIdParams, body: ZChangeAuthority, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => changeAuthority(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/organizations/:id/dissolve',
    { schema: { tags, params: ZIdParams, body: ZDissolveOrganization, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => dissolveOrganization(db, actorContextOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/organizations/:id/split',
    { schema: { tags, params: ZIdParams, body: ZSplitOrganization, response: detail }, config: { policy: 'organization.manage' } },
    async (req) => splitOrganization(db, actorContextOf(req), req.params.id, req.body),
  );
}
